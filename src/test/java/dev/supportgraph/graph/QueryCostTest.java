package dev.supportgraph.graph;

import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost model on its own (no Quarkus): what it counts, and that refusing costs microseconds. */
@Tag("pure")
class QueryCostTest {

    static final QueryCost.Limits LIMITS = new QueryCost.Limits(15, 100_000, 30, 16L << 20, 20, 100, 10, 100, 10_000,
            Set.of("Ticket.description", "ProblemReport.description", "TicketNote.body"));

    static QueryCost.Estimate estimate(String query, Map<String, Object> variables) {
        return QueryCost.estimate(PublishedSdl.get(), Parser.parse(query), variables, LIMITS);
    }

    static QueryRefused refused(String query, Map<String, Object> variables) {
        return assertThrows(QueryRefused.class, () -> QueryCost.check(PublishedSdl.get(), Parser.parse(query), variables, LIMITS));
    }

    /** 22 fragments, each spreading the next twice: 4 million fields if expanded. */
    static String fragmentBomb(int depth) {
        StringBuilder query = new StringBuilder("{ customers(first: 1) { edges { node { ...F0 } } } }\n");
        for (int i = 0; i < depth; i++) {
            query.append("fragment F").append(i).append(" on Customer { ")
                    .append(i + 1 < depth ? "...F" + (i + 1) + " ...F" + (i + 1) : "name").append(" }\n");
        }
        return query.toString();
    }

    @Test
    void aFragmentBombIsRefusedInMicrosecondsWithoutExpandingIt() {
        String bomb = fragmentBomb(22);
        Document document = Parser.parse(bomb);
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            QueryCost.estimate(PublishedSdl.get(), document, Map.of(), LIMITS);
        }
        // The fastest of 20 refusals: a shared CI machine may stall any single one.
        long micros = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 20; attempt++) {
            long start = System.nanoTime();
            QueryRefused refused = assertThrows(QueryRefused.class, () -> QueryCost.check(PublishedSdl.get(), document, Map.of(), LIMITS));
            micros = Math.min(micros, (System.nanoTime() - start) / 1000);
            assertEquals("cost", refused.getExtensions().get("limit"));
        }
        long fastest = micros;
        System.out.println("A 22-fragment bomb is refused in " + fastest + " µs");
        assertTrue(fastest < 1_000, "refused in " + fastest + " µs");
        // 2^21 names under one customer, plus customers, edges, node: counted, not materialised.
        assertEquals(3 + (1L << 21), estimate(bomb, Map.of()).cost());
        // 60 levels of doubling saturate instead of overflowing.
        assertEquals(Long.MAX_VALUE, estimate(fragmentBomb(70), Map.of()).cost());
    }

    @Test
    void fragmentCyclesAreRefused() {
        QueryRefused refused = refused("{ customers { edges { node { ...A } } } } fragment A on Customer { ...B } "
                + "fragment B on Customer { name ...A }", Map.of());
        assertEquals("GRAPHQL_VALIDATION_FAILED", refused.getExtensions().get("code"));
    }

    @Test
    void aliasesAreCountedAsExecuted() {
        String fragment = IntStream.range(0, 10).mapToObj(i -> "n" + i + ": name").collect(Collectors.joining(" "));
        String query = "{ customers(first: 1) { edges { node { ...A ...A ...A ...A } } } } fragment A on Customer { " + fragment + " }";
        assertEquals(40, estimate(query, Map.of()).aliases());
        assertEquals("aliases", refused(query, Map.of()).getExtensions().get("limit"));
    }

    @Test
    void pagesAreClampedToTheirCapAndDefaultWhenAbsent() {
        String paged = "query($n: Int) { customers(first: $n) { edges { node { name } } } }";
        long capped = estimate(paged, Map.of("n", 100)).cost();
        assertEquals(capped, estimate(paged, Map.of("n", 4_294_967_396L)).cost());
        assertEquals(capped, estimate("{ customers(first: 4294967396) { edges { node { name } } } }", Map.of()).cost());
        // customers + edges + 100 x (node + name)
        assertEquals(2 + 100 * 2, capped);
        assertEquals(2 + 20 * 2, estimate("{ customers { edges { node { name } } } }", Map.of()).cost());
        assertEquals(2 + 20 * 2, estimate(paged, Map.of()).cost());
        assertEquals(2 + 5 * 2, estimate("query($n: Int = 5) { customers(last: $n) { edges { node { name } } } }", Map.of()).cost());
    }

    @Test
    void nestedPagesMultiply() {
        String query = "{ customers(first: 100) { edges { node { contacts { customer { contacts { customer { contacts { name } } } } } } } } }";
        // customers + edges + 100 x (node + contacts + 10 x (customer + contacts + 10 x (customer + contacts + 10 x name)))
        assertEquals(2 + 100 * (2 + 10 * (2 + 10 * (2 + 10))), estimate(query, Map.of()).cost());
        assertEquals("cost", refused(query, Map.of()).getExtensions().get("limit"));
    }

    @Test
    void repeatedIdsCostOnceButRepeatInTheResponse() {
        List<String> same = Collections.nCopies(100, "Q3VzdG9tZXI6MQ");
        QueryCost.Estimate repeated = estimate("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", same));
        assertEquals(1 + 1, repeated.cost());
        QueryCost.Estimate distinct = estimate("query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                Map.of("ids", IntStream.range(0, 100).mapToObj(i -> "id" + i).toList()));
        assertEquals(1 + 100, distinct.cost());
        assertEquals(distinct.responseBytes(), repeated.responseBytes());
    }

    @Test
    void longTextWeighsOnTheResponseSize() {
        // 30 aliases of nodes(ids:) with the same 100 ids, selecting descriptions: 30 x 100 x 10,000 characters.
        String ids = IntStream.range(0, 100).mapToObj(i -> "\"UHJvYmxlbVJlcG9ydDox\"").collect(Collectors.joining(", ", "[", "]"));
        String query = IntStream.range(0, 30).mapToObj(i -> "a" + i + ": nodes(ids: " + ids + ") { ... on ProblemReport { description } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        QueryRefused refused = refused(query, Map.of());
        assertEquals("size", refused.getExtensions().get("limit"));
        assertTrue(estimate(query, Map.of()).cost() < LIMITS.maxCost(), "refused for its size, not its work");
        // The same with short fields passes.
        QueryCost.check(PublishedSdl.get(), Parser.parse(query.replace("description", "title")), Map.of(), LIMITS);
    }

    @Test
    void everyOperationAndFragmentCounts() {
        String unused = "{ __typename } fragment Big on Query { customers(first: 100) { edges { node { contacts { "
                + "customer { contacts { customer { contacts { name } } } } } } } } }";
        assertEquals("cost", refused(unused, Map.of()).getExtensions().get("limit"));
        assertEquals(15 + 1, estimate("{ customers(first: 1) { edges { node { " + "contacts { customer { ".repeat(6) + "name"
                + " } }".repeat(6) + " } } } }", Map.of()).depth());
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinTheLimits() throws IOException {
        String introspection;
        try (InputStream in = getClass().getResourceAsStream("/graphiql-introspection.graphql")) {
            introspection = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        QueryCost.Estimate estimate = QueryCost.check(PublishedSdl.get(), Parser.parse(introspection), Map.of(), LIMITS);
        System.out.println("GraphiQL's introspection query: " + estimate);
        // Served from memory, introspection lists do not multiply the work, only the response size.
        assertTrue(estimate.cost() < 5_000, "introspection is cheap work: " + estimate);
        assertTrue(estimate.responseBytes() > 50_000, "its response is not: " + estimate);
    }
}
