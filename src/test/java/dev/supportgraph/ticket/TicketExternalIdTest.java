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
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tickets carrying another system's ticket id, over HTTP against the real database: create, re-create, duplicates, update, lookup. */
@QuarkusTest
class TicketExternalIdTest {

    private static final String REPORT = "problemReport { id number externalId version }";

    @Inject
    DataSource ds;

    @Test
    void reCreatingWithTheSameExternalIdAndInputReturnsTheFirstTicket() {
        String customer = GlobalId.encode("Customer", Fixtures.customer(ds, 700));
        String ext = unique();
        JsonPath first = createReport(Tokens.agent(), customer, ext, "Fibre down", "first-try");
        assertEquals(List.of(), first.getList("userErrors"));
        assertEquals(ext, first.getString("problemReport.externalId"));
        long events = Sql.count(ds, "select count(*) from outbox_event");
        // Another idempotency key (or none): the externalId alone names the ticket.
        JsonPath again = createReport(Tokens.agent(), customer, ext, "Fibre down", "second-try");
        assertEquals(List.of(), again.getList("userErrors"));
        assertEquals(first.getString("problemReport.id"), again.getString("problemReport.id"));
        assertEquals(first.getString("problemReport.id"), createReport(Tokens.admin(), customer, ext, "Fibre down", null)
                .getString("problemReport.id"));
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report where external_id = ?", ext));
        assertEquals(events, Sql.count(ds, "select count(*) from outbox_event"), "a re-create wrote events");
    }

    @Test
    void anExternalIdOfAnotherTicketIsAUserError() {
        String customer = GlobalId.encode("Customer", Fixtures.customer(ds, 700));
        String ext = unique();
        createReport(Tokens.agent(), customer, ext, "Fibre down", null);
        JsonPath other = createReport(Tokens.agent(), customer, ext, "Another problem", null);
        assertNull(other.get("problemReport"));
        assertEquals(List.of("BAD_USER_INPUT"), other.getList("userErrors.code"));
        assertEquals(List.of("input", "externalId"), other.getList("userErrors[0].field"));
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report where external_id = ?", ext));

        // Unique per kind: a resource trouble may carry the same id.
        String resource = GlobalId.encode("Resource", Sql.exec(ds, "insert into resource (name, category) values (?, 'OLT') returning id", unique()));
        JsonPath trouble = createResourceTrouble(resource, ext);
        assertEquals(List.of(), trouble.getList("userErrors"));
        assertEquals(ext, trouble.getString("resourceTrouble.externalId"));
    }

    @Test
    void staffSetTheExternalIdOnUpdateAndTheLookupFindsTheTicket() {
        String customerKey = String.valueOf(Fixtures.customer(ds, 700));
        String customer = GlobalId.encode("Customer", Long.parseLong(customerKey));
        JsonPath plain = createReport(Tokens.agent(), customer, null, "No externalId yet", null);
        String id = plain.getString("problemReport.id");
        assertNull(plain.get("problemReport.externalId"));
        String ext = unique();
        JsonPath updated = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate",
                "{id: \"" + id + "\", expectedVersion: 0, externalId: \"" + ext + "\", reason: \"escalated to the partner\"}",
                REPORT + " fieldChanges: problemReport { fieldChanges { field oldValue newValue } }");
        assertEquals(List.of(), updated.getList("userErrors"));
        assertEquals(ext, updated.getString("problemReport.externalId"));
        assertEquals(List.of("EXTERNAL_ID"), updated.getList("fieldChanges.fieldChanges.field"));

        String lookup = "{ nodeByExternalId(type: PROBLEM_REPORT, externalId: \"" + ext + "\") { id ... on ProblemReport { externalId } } }";
        assertEquals(id, GraphQLClient.post(Tokens.agent(), lookup).extract().jsonPath().getString("data.nodeByExternalId.id"));
        assertEquals(id, GraphQLClient.post(Tokens.customer(Long.parseLong(customerKey)), lookup).extract().jsonPath()
                .getString("data.nodeByExternalId.id"));
        long stranger = Fixtures.customer(ds, 700);
        assertNull(GraphQLClient.post(Tokens.customer(stranger), lookup).extract().jsonPath().get("data.nodeByExternalId"));

        // Another report may not take it; a portal user may not set one.
        String second = createReport(Tokens.agent(), customer, null, "Second", null).getString("problemReport.id");
        JsonPath taken = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate",
                "{id: \"" + second + "\", expectedVersion: 0, externalId: \"" + ext + "\"}", REPORT);
        assertEquals(List.of("input", "externalId"), taken.getList("userErrors[0].field"));
        assertEquals(List.of("BAD_USER_INPUT"), taken.getList("userErrors.code"));
        JsonPath portal = GraphQLClient.mutate(Tokens.customer(Long.parseLong(customerKey)), "problemReportUpdate",
                "{id: \"" + second + "\", expectedVersion: 0, externalId: \"" + unique() + "\"}", REPORT);
        assertEquals(List.of("FORBIDDEN"), portal.getList("userErrors.code"));
        assertNotEquals(ext, Sql.row(ds, "select coalesce(external_id, '') e from problem_report where id = ?",
                GlobalId.decode(second).id()).get("e"));
    }

    private static JsonPath createReport(String token, String customer, String externalId, String title, String idempotencyKey) {
        return GraphQLClient.mutate(token, "problemReportCreate", "{customerId: \"" + customer + "\", title: \"" + title + "\""
                + (externalId == null ? "" : ", externalId: \"" + externalId + "\"")
                + (idempotencyKey == null ? "" : ", idempotencyKey: \"" + idempotencyKey + "-" + UUID.randomUUID() + "\"") + "}", REPORT);
    }

    private static JsonPath createResourceTrouble(String resource, String externalId) {
        return GraphQLClient.mutate(Tokens.sre(), "resourceTroubleCreate", "{resourceId: \"" + resource + "\", title: \"OLT down\", "
                        + "severity: MAJOR, priority: HIGH, perceivedSeverity: MAJOR, externalId: \"" + externalId + "\"}",
                "resourceTrouble { id externalId }");
    }

    private static String unique() {
        return "tkt-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
