package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Triage through the API: portal customers state an urgency, staff set priority and severity,
 * every edit lands in the field history, and the SLA clock follows the priority in force.
 */
@QuarkusTest
class TriageTest {

    private static final String REPORT = "problemReport { id version urgency priority severity sla { policy { priority resolutionMinutes } resolutionDueAt } }";

    @Inject
    DataSource ds;

    @Test
    void portalStatesUrgencyStaffTriageAndTheSlaFollowsThePriority() {
        long customer = Fixtures.customer(ds, 700);
        String contact = GlobalId.encode("Contact", Fixtures.contact(ds, customer));
        String portal = Tokens.customer(customer);

        JsonPath chose = GraphQLClient.mutate(portal, "problemReportCreate", "{title: \"Down\", reportedById: \"" + contact
                + "\", priority: CRITICAL}", "problemReport { id }");
        assertEquals(List.of("FORBIDDEN"), chose.getList("userErrors.code"));
        assertEquals(List.of("input", "priority"), chose.getList("userErrors[0].field"));

        JsonPath created = GraphQLClient.mutate(portal, "problemReportCreate", "{title: \"Down\", reportedById: \"" + contact
                + "\", urgency: CRITICAL}", REPORT);
        assertEquals(List.of(), created.getList("userErrors"));
        assertEquals("CRITICAL", created.getString("problemReport.urgency"));
        assertEquals("HIGH", created.getString("problemReport.priority"), "a customer's own CRITICAL is not the top target");
        assertEquals("MINOR", created.getString("problemReport.severity"));
        assertEquals("HIGH", created.getString("problemReport.sla.policy.priority"));
        String id = created.getString("problemReport.id");
        OffsetDateTime dueHigh = OffsetDateTime.parse(created.getString("problemReport.sla.resolutionDueAt"));

        JsonPath portalPriority = GraphQLClient.mutate(portal, "problemReportUpdate", "{id: \"" + id + "\", expectedVersion: 0, priority: CRITICAL}", "problemReport { id }");
        assertEquals(List.of("FORBIDDEN"), portalPriority.getList("userErrors.code"));
        JsonPath portalEdit = GraphQLClient.mutate(portal, "problemReportUpdate", "{id: \"" + id + "\", expectedVersion: 0, description: \"Since 9am\"}", "problemReport { version description }");
        assertEquals(List.of(), portalEdit.getList("userErrors"));
        assertEquals(1, portalEdit.getInt("problemReport.version"));

        JsonPath stale = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + id + "\", expectedVersion: 0, priority: CRITICAL}", "problemReport { id }");
        assertEquals(List.of("STALE_OBJECT"), stale.getList("userErrors.code"));
        JsonPath triaged = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + id
                + "\", expectedVersion: 1, priority: CRITICAL, severity: CRITICAL, reason: \"Whole site down\"}", REPORT);
        assertEquals(List.of(), triaged.getList("userErrors"));
        assertEquals("CRITICAL", triaged.getString("problemReport.sla.policy.priority"));
        OffsetDateTime dueCritical = OffsetDateTime.parse(triaged.getString("problemReport.sla.resolutionDueAt"));
        int high = created.getInt("problemReport.sla.policy.resolutionMinutes");
        int critical = triaged.getInt("problemReport.sla.policy.resolutionMinutes");
        // The clock keeps its elapsed time and takes the new target (timestamps are truncated to microseconds).
        assertEquals(Duration.ofMinutes(high - critical).toMinutes(), Duration.between(dueCritical, dueHigh).toMinutes());

        JsonPath history = GraphQLClient.post(Tokens.agent(), "query($id: ID!) { problemReport(id: $id) { fieldChanges { field action oldValue newValue reason actor } } }",
                Map.of("id", id)).extract().jsonPath();
        List<Map<String, Object>> changes = history.getList("data.problemReport.fieldChanges");
        assertEquals(List.of("DESCRIPTION UPDATE  Since 9am portal-user-" + customer, "PRIORITY UPDATE HIGH CRITICAL agent@supportgraph.dev",
                        "SEVERITY UPDATE MINOR CRITICAL agent@supportgraph.dev"),
                changes.stream().map(c -> c.get("field") + " " + c.get("action") + " " + c.get("oldValue") + " " + c.get("newValue") + " " + c.get("actor")).toList());
        assertEquals("Whole site down", changes.get(1).get("reason"));
        assertEquals(3, Sql.count(ds, "select count(*) from ticket_field_change where problem_report_id = ?", GlobalId.decode("ProblemReport", id)));
    }
}
