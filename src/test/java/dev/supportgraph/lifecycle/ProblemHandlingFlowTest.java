package dev.supportgraph.lifecycle;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eTOM problem flow end to end: 3.7 Problem Handling, 4.6 Service Problem Management and
 * 5.8 Resource Trouble Management, each step by the role that does it, over HTTP.
 */
@QuarkusTest
class ProblemHandlingFlowTest {

    @Inject
    DataSource ds;

    @Test
    void aCustomerReportedProblemIsIsolatedResolvedAndClosed() {
        long customer = Fixtures.customer(ds, 700);
        long contact = Fixtures.contact(ds, customer);
        long service = Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'Internet 1G', 'broadband') returning id", customer);
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'olt') returning id", "olt-" + UUID.randomUUID());
        String portal = Tokens.customer(customer);

        // 3.7: the customer reports the problem from the portal.
        JsonPath pr = GraphQLClient.mutateOk(portal, "problemReportCreate", "{title: \"No internet\", urgency: HIGH, reportedById: \""
                + GlobalId.encode("Contact", contact) + "\", relatedServiceId: \"" + GlobalId.encode("Service", service) + "\"}",
                "problemReport { id status channel version }");
        String report = pr.getString("problemReport.id");
        assertEquals("ACKNOWLEDGED", pr.getString("problemReport.status"));
        assertEquals("PORTAL", pr.getString("problemReport.channel"));
        long reportKey = GlobalId.decode("ProblemReport", report);

        // Another customer cannot even see it.
        JsonPath foreign = TransitionWalk.mutate(Tokens.customer(Fixtures.customer(ds, 700)), "problemReportTransition",
                "{id: \"" + report + "\", expectedVersion: 0, to: CANCELLED}", "problemReport { id }");
        assertEquals("NOT_FOUND", foreign.getString("userErrors[0].code"));

        // The agent starts it and isolates it to the service trouble SRE opened.
        GraphQLClient.mutateOk(Tokens.agent(), "problemReportTransition", transition(report, 0, "IN_PROGRESS", null), "problemReport { id }");
        String st = GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleCreate", "{title: \"OLT outage\", severity: MAJOR, priority: HIGH, impact: SIGNIFICANT, "
                + "urgency: HIGH, affectedServiceIds: [\"" + GlobalId.encode("Service", service) + "\"]}", "serviceTrouble { id }")
                .getString("serviceTrouble.id");
        GraphQLClient.mutateOk(Tokens.agent(), "problemReportIsolate", "{id: \"" + report + "\", serviceTroubleIds: [\"" + st + "\"]}", "problemReport { id }");
        GraphQLClient.mutateOk(Tokens.agent(), "problemReportAddNote", "{id: \"" + report + "\", visibility: INTERNAL, body: \"Isolated to " + st + "\"}", "note { id }");

        // 4.6 and 5.8: SRE diagnoses, localizes the resource trouble and resolves it.
        GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleTransition", transition(st, 0, "IN_PROGRESS", null), "serviceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleDiagnose", "{id: \"" + st + "\", expectedVersion: 1, rootCause: \"OLT line card failure\"}", "serviceTrouble { id }");
        String rt = GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleCreate", "{title: \"Line card 3 down\", resourceId: \"" + GlobalId.encode("Resource", resource)
                + "\", severity: CRITICAL, priority: HIGH, perceivedSeverity: CRITICAL}", "resourceTrouble { id }").getString("resourceTrouble.id");
        GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleLinkResourceTroubles", "{id: \"" + st + "\", resourceTroubleIds: [\"" + rt + "\"]}", "serviceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleTransition", transition(rt, 0, "IN_PROGRESS", null), "resourceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleLocalize", "{id: \"" + rt + "\", expectedVersion: 1, localization: \"Shelf 1, slot 3\"}", "resourceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleTransition", transition(rt, 2, "RESOLVED", "Line card replaced"), "resourceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleTransition", transition(rt, 3, "CLOSED", null), "resourceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleTransition", transition(st, 2, "RESOLVED", "Line card replaced"), "serviceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleTransition", transition(st, 3, "CLOSED", null), "serviceTrouble { id }");

        // 3.7: the agent resolves the report; the customer comments and accepts; the report closes.
        GraphQLClient.mutateOk(Tokens.agent(), "problemReportTransition", transition(report, 1, "RESOLVED", "Service restored after OLT repair"), "problemReport { id }");
        JsonPath internal = TransitionWalk.mutate(portal, "problemReportAddNote", "{id: \"" + report + "\", visibility: INTERNAL, body: \"x\"}", "note { id }");
        assertEquals("BAD_USER_INPUT", internal.getString("userErrors[0].code"));
        assertEquals(List.of("input", "visibility"), internal.getList("userErrors[0].field"));
        GraphQLClient.mutateOk(portal, "problemReportAddNote", "{id: \"" + report + "\", visibility: PUBLIC, body: \"Works again, thanks\"}", "note { id }");
        JsonPath closed = GraphQLClient.mutateOk(portal, "problemReportTransition", transition(report, 2, "CLOSED", "Confirmed by customer"),
                "problemReport { status resolution version }");
        assertEquals("CLOSED", closed.getString("problemReport.status"));
        assertEquals("Service restored after OLT repair", closed.getString("problemReport.resolution"));

        assertEquals(List.of(
                        List.of("-", "ACKNOWLEDGED", "portal-user-" + customer),
                        List.of("ACKNOWLEDGED", "IN_PROGRESS", "agent@supportgraph.dev"),
                        List.of("IN_PROGRESS", "RESOLVED", "agent@supportgraph.dev"),
                        List.of("RESOLVED", "CLOSED", "portal-user-" + customer)),
                history("problem_report_id", reportKey));
        assertEquals(List.of(
                        List.of("TICKET_STATUS_CHANGED", "-", "ACKNOWLEDGED", "create"),
                        List.of("TICKET_STATUS_CHANGED", "ACKNOWLEDGED", "IN_PROGRESS", "start"),
                        List.of("TICKET_STATUS_CHANGED", "IN_PROGRESS", "RESOLVED", "resolve"),
                        List.of("TICKET_STATUS_CHANGED", "RESOLVED", "CLOSED", "acceptResolution")),
                Sql.rows(ds, """
                                select type, coalesce(payload ->> 'from', '-') as "from", payload ->> 'to' as "to", payload ->> 'action' as action
                                from outbox_event where aggregate = 'PROBLEM_REPORT' and aggregate_id = ? order by id""", reportKey)
                        .stream().map(r -> List.of(r.get("type"), r.get("from"), r.get("to"), r.get("action"))).toList());
        assertEquals(4, history("service_trouble_id", GlobalId.decode("ServiceTrouble", st)).size());
        assertEquals(4, history("resource_trouble_id", GlobalId.decode("ResourceTrouble", rt)).size());
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report_service_trouble where problem_report_id = ?", reportKey));

        // The customer sees the history and their public note, not the internal one.
        GraphQLClient.post(portal, "{ node(id: \"" + report + "\") { ... on ProblemReport { statusHistory { to actor } notes { visibility } } } }")
                .statusCode(200)
                .body("data.node.statusHistory.to", org.hamcrest.Matchers.equalTo(List.of("ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED", "CLOSED")))
                .body("data.node.notes.visibility", org.hamcrest.Matchers.equalTo(List.of("PUBLIC")));
    }

    private List<List<Object>> history(String column, long id) {
        return Sql.rows(ds, "select coalesce(from_status, '-') as f, to_status, actor from status_change where " + column + " = ? order by id", id)
                .stream().map(Map::values).map(List::copyOf).toList();
    }

    private static String transition(String id, int version, String to, String resolution) {
        return "{id: \"" + id + "\", expectedVersion: " + version + ", to: " + to
                + (resolution == null ? "" : ", resolution: \"" + resolution + "\"") + "}";
    }
}
