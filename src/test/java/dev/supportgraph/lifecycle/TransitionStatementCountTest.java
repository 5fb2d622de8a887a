package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status change of the benchmark (bench/shapes.mjs "mutation", depth 3) through the engine and
 * the service costs at most one statement per level: select the report, update it, and one
 * statement writing its status_change row, the outbox lock and the outbox row. That is the path of
 * every transition the planned one declines (ticket/PlannedTransitionTest counts the planned one).
 */
@QuarkusTest
class TransitionStatementCountTest {

    /** The benchmark's document, selection and all. */
    private static final String TRANSITION = """
            mutation Transition($input: TicketTransitionInput!) { problemReportTransition(input: $input) {
              problemReport { id status version } userErrors { field message code } } }""";
    private static final int DEPTH = 3;

    @Inject
    DataSource ds;

    @Inject
    SqlStatements statements;

    @Test
    void aStatusChangeTakesNoMoreStatementsThanItsDepth() {
        long customer = Fixtures.customer(ds, 700);
        String report = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \""
                        + GlobalId.encode("Customer", customer) + "\", title: \"Counted\", severity: MINOR, priority: LOW}",
                "problemReport { id }").getString("problemReport.id");
        long id = GlobalId.decode(report).id();

        int version = 0;
        for (String to : List.of("IN_PROGRESS", "HELD", "IN_PROGRESS")) {
            int expected = version;
            SqlStatements.Counted<JsonPath> counted = statements.count(() -> transition(report, expected, to));
            JsonPath payload = counted.result().setRootPath("data.problemReportTransition");
            assertEquals(List.of(), payload.getList("userErrors"));
            assertEquals(to, payload.getString("problemReport.status"));
            assertEquals(expected + 1, payload.getInt("problemReport.version"));
            assertTrue(counted.statements() <= DEPTH, to + ": " + counted.statements() + " statements");
            version = expected + 1;
        }

        // The trail is all there: every change with its history row and its event, in order.
        assertEquals(List.of("ACKNOWLEDGED", "IN_PROGRESS", "HELD", "IN_PROGRESS"),
                Sql.rows(ds, "select to_status from status_change where problem_report_id = ? order by id", id).stream()
                        .map(r -> r.get("to_status")).toList());
        assertEquals(List.of("ACKNOWLEDGED", "IN_PROGRESS", "HELD", "IN_PROGRESS"),
                Sql.rows(ds, "select payload->>'to' as status from outbox_event where aggregate = 'PROBLEM_REPORT'"
                        + " and aggregate_id = ? order by id", id).stream().map(r -> r.get("status")).toList());
        assertEquals(Map.of("from_status", "HELD", "actor", "agent@supportgraph.dev", "customer_id", customer),
                Sql.row(ds, "select from_status, actor, customer_id from status_change where problem_report_id = ?"
                        + " order by id desc limit 1", id));
    }

    private static JsonPath transition(String report, int version, String to) {
        return GraphQLClient.reference(Tokens.agent(), "application/json", TRANSITION, Map.of("input",
                Map.of("id", report, "expectedVersion", version, "to", to))).statusCode(200).extract().jsonPath();
    }
}
