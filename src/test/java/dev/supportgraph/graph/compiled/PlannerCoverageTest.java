package dev.supportgraph.graph.compiled;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every field of every object type reachable from Query is either planned (the planner answers
 * it in SQL) or a fallback listed in {@code planner-fallbacks.txt} with the reason the planner
 * derived: a new field either compiles or shows up here, it cannot leave the fast path unnoticed.
 * A new column of a type record and its entity is planned without any change here.
 * Regenerate the list with {@code -DupdatePlannerFallbacks=true} and review the difference.
 */
@QuarkusTest
class PlannerCoverageTest {

    private static final String LIST = "planner-fallbacks.txt";

    /** Object types without a table that the planner renders as part of their parent field. */
    private static final Set<String> STRUCTURE = Set.of("PageInfo", "Money");

    @Inject
    GraphQLSchema schema;

    @Inject
    CompiledQueries compiled;

    @Test
    void everyFieldIsPlannedOrAListedFallback() throws IOException {
        Catalog catalog = compiled.catalog(schema);
        Map<String, String> unplanned = new TreeMap<>();
        for (GraphQLObjectType type : reachableFromQuery()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                String coordinates = type.getName() + "." + field.getName();
                if (!planned(catalog, type, field)) {
                    unplanned.put(coordinates, catalog.fallbacks().getOrDefault(coordinates,
                            type.getName().endsWith("Connection") || type.getName().endsWith("Edge")
                                    ? "a connection no planned field returns" : "type without a table"));
                }
            }
        }
        StringBuilder expected = new StringBuilder();
        unplanned.forEach((field, reason) -> expected.append(field).append(": ").append(reason).append('\n'));
        if (Boolean.getBoolean("updatePlannerFallbacks")) {
            Files.writeString(Path.of("src/test/resources", LIST), expected);
        }
        try (InputStream listed = getClass().getClassLoader().getResourceAsStream(LIST)) {
            String text = listed == null ? "" : new String(listed.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(text, expected.toString(), "fields the planner leaves to the engine (" + LIST + ")");
        }
    }

    private boolean planned(Catalog catalog, GraphQLObjectType type, GraphQLFieldDefinition field) {
        String name = field.getName();
        if (type == schema.getQueryType()) {
            return catalog.listings().containsKey(name) || catalog.byId().containsKey(name)
                    || catalog.nodeLookups().containsKey(name);
        }
        if (catalog.tables().containsKey(type.getName())) {
            return catalog.tables().get(type.getName()).fields().containsKey(name);
        }
        if (STRUCTURE.contains(type.getName())) {
            return true;
        }
        // Connections and edges are planned when some planned field lists their node type.
        GraphQLNamedType node = type.getName().endsWith("Connection") ? nodeOf(type)
                : type.getFieldDefinition("node") != null ? (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(
                type.getFieldDefinition("node").getType()) : null;
        boolean listed = node != null && (catalog.listings().values().stream().anyMatch(l -> l.type().equals(node.getName()))
                || catalog.tables().values().stream().flatMap(t -> t.fields().values().stream())
                .anyMatch(f -> f instanceof Catalog.Connection c && c.listing().type().equals(node.getName())));
        return listed && Set.of("edges", "pageInfo", "totalCount", "cursor", "node").contains(name);
    }

    private static GraphQLNamedType nodeOf(GraphQLObjectType connection) {
        GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("edges").getType());
        return (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType());
    }

    private Set<GraphQLObjectType> reachableFromQuery() {
        Set<GraphQLObjectType> seen = new LinkedHashSet<>();
        Deque<GraphQLObjectType> todo = new ArrayDeque<>();
        todo.add(schema.getQueryType());
        while (!todo.isEmpty()) {
            GraphQLObjectType type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                GraphQLNamedType target = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
                if (target instanceof GraphQLObjectType object) {
                    todo.add(object);
                } else if (target instanceof GraphQLInterfaceType abstractType) {
                    todo.addAll(schema.getImplementations(abstractType));
                }
            }
        }
        return seen;
    }
}
