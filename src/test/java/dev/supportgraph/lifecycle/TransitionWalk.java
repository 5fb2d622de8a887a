package dev.supportgraph.lifecycle;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.provider.Arguments;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every transition walk shares: the pairs, the mutation call and the verdict. */
final class TransitionWalk {

    private TransitionWalk() {
    }

    /** "A>B C>D ..." as a set of pairs. */
    static Set<String> expected(String pairs) {
        return Arrays.stream(pairs.trim().split("\\s+")).collect(Collectors.toSet());
    }

    /** Every ordered pair of distinct states. */
    static <S extends Enum<S>> Stream<Arguments> pairs(S[] states) {
        return Arrays.stream(states).flatMap(from -> Arrays.stream(states).filter(to -> to != from)
                .map(to -> Arguments.of(from, to)));
    }

    static JsonPath mutate(String token, String mutation, String input, String selection) {
        return GraphQLClient.mutate(token, mutation, input, selection);
    }

    /**
     * Allowed: the payload shows {@code to}, the row holds it, and history and outbox have the
     * transition. Rejected: INVALID_TRANSITION and the row (status, version, updated_at) and its
     * history are untouched.
     */
    static void verify(DataSource ds, boolean allowed, JsonPath result, String object, String stateField,
                       String table, String stateColumn, String historyColumn, long id, String from, String to) {
        String history = "select count(*) from status_change where " + historyColumn + " = ? and from_status = ? and to_status = ? and actor <> 'test'";
        if (allowed) {
            assertEquals(0, result.getList("userErrors").size(), () -> from + " -> " + to + ": " + result.prettify());
            assertEquals(to, result.getString(object + "." + stateField));
            assertEquals(to, Sql.row(ds, "select " + stateColumn + " as s from " + table + " where id = ?", id).get("s"));
            assertEquals(1, Sql.count(ds, history, id, from, to), "history of " + from + " -> " + to);
            // The event's aggregate is named like the history column (problem_report_id: PROBLEM_REPORT).
            String aggregate = historyColumn.replaceFirst("_id$", "").toUpperCase(Locale.ROOT);
            assertTrue(Sql.count(ds, "select count(*) from outbox_event where aggregate = ? and aggregate_id = ? and payload ->> 'from' = ? and payload ->> 'to' = ?",
                    aggregate, id, from, to) >= 1, "outbox event of " + from + " -> " + to);
        } else {
            assertEquals("INVALID_TRANSITION", result.getString("userErrors[0].code"), () -> from + " -> " + to + ": " + result.prettify());
            assertNull(result.get(object));
            Map<String, Object> row = Sql.row(ds, "select " + stateColumn + " as s, version, "
                    + (table.equals("order_item") ? "null" : "updated_at = timestamptz '2020-01-01 00:00Z'") + " as untouched from "
                    + table + " where id = ?", id);
            assertEquals(from, row.get("s"));
            assertEquals(3L, ((Number) row.get("version")).longValue());
            assertTrue(row.get("untouched") == null || Boolean.TRUE.equals(row.get("untouched")));
            assertEquals(0, Sql.count(ds, "select count(*) from status_change where " + historyColumn + " = ? and actor <> 'test'", id));
        }
    }
}
