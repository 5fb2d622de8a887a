package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * serviceTroubleGroup over HTTP: troubles form a tree under parent problems, a grouping that
 * would make a cycle or names an unknown parent is refused and changes nothing.
 */
@QuarkusTest
class ServiceTroubleGroupTest {

    private static final String TROUBLE = "serviceTrouble { id version parent { id } children { id } }";

    @Inject
    DataSource ds;

    @Test
    void troublesAreGroupedIntoATreeWithoutCycles() {
        long root = trouble("Root");
        long middle = trouble("Middle");
        long leaf = trouble("Leaf");

        JsonPath grouped = group(middle, 0, root);
        assertEquals(List.of(), grouped.getList("userErrors"));
        assertEquals(id(root), grouped.getString("serviceTrouble.parent.id"));
        assertEquals(1, grouped.getInt("serviceTrouble.version"));
        JsonPath leafGrouped = group(leaf, 0, middle);
        assertEquals(id(middle), leafGrouped.getString("serviceTrouble.parent.id"));
        assertEquals(List.of(), leafGrouped.getList("serviceTrouble.children"));
        assertEquals(List.of(id(middle)), GraphQLClient.post(Tokens.sre(), "{ node(id: \"" + id(root)
                + "\") { ... on ServiceTrouble { children { id } } } }").extract().jsonPath().getList("data.node.children.id"));

        Map<String, Object> before = tree(root, middle, leaf);
        refused(group(root, 0, leaf), "BAD_USER_INPUT", List.of("input", "parentId"));
        refused(group(root, 0, root), "BAD_USER_INPUT", List.of("input", "parentId"));
        refused(group(root, 0, leaf + 1_000_000), "NOT_FOUND", List.of("input", "parentId"));
        refused(group(leaf, 0, root), "STALE_OBJECT", List.of("input", "expectedVersion"));
        assertEquals(before, tree(root, middle, leaf));

        // Regrouping the leaf directly under the root, then taking it out again.
        assertEquals(id(root), group(leaf, 1, root).getString("serviceTrouble.parent.id"));
        JsonPath removed = group(leaf, 2, null);
        assertEquals(List.of(), removed.getList("userErrors"));
        assertNull(removed.get("serviceTrouble.parent"));
        assertNull(Sql.row(ds, "select parent_id from service_trouble where id = ?", leaf).get("parent_id"));
    }

    private long trouble(String title) {
        return Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency)"
                + " values (?, 'MAJOR', 'HIGH', 'MODERATE', 'HIGH') returning id", title);
    }

    private static String id(long trouble) {
        return GlobalId.encode("ServiceTrouble", trouble);
    }

    private static JsonPath group(long trouble, int version, Long parent) {
        return GraphQLClient.mutate(Tokens.sre(), "serviceTroubleGroup", "{id: \"" + id(trouble) + "\", expectedVersion: "
                + version + (parent == null ? "" : ", parentId: \"" + id(parent) + "\"") + "}", TROUBLE);
    }

    /** Parent and version of each trouble, in the order given. */
    private Map<String, Object> tree(long... troubles) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (long trouble : troubles) {
            rows.put(String.valueOf(trouble), Sql.row(ds, "select parent_id, version, updated_at from service_trouble where id = ?", trouble));
        }
        return rows;
    }

    private static void refused(JsonPath result, String code, List<String> field) {
        assertNull(result.get("serviceTrouble"), result::prettify);
        List<Map<String, Object>> errors = new ArrayList<>(result.getList("userErrors"));
        assertEquals(1, errors.size(), result::prettify);
        assertEquals(code, errors.getFirst().get("code"));
        assertEquals(field, errors.getFirst().get("field"));
    }
}
