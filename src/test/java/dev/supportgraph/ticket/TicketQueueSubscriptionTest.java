package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.sla.SlaDueTimes;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Field edits reach ticketFieldsChanged subscribers (portal users their own reports, without the
 * history's reason); a queue subscription sees tickets enter, change in and leave its queue
 * through assignment, status, SLA and field changes, over the real WebSocket endpoint.
 */
@QuarkusTest
class TicketQueueSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FIELDS = """
            subscription($filter: TicketEventFilter) {
              ticketFieldsChanged(filter: $filter) { kind ticketId number changes { field previousValue value } reason actor ticket { id } }
            }""";
    private static final String QUEUE = """
            subscription($queue: TicketQueueFilter!, $status: [TicketStatus!]) {
              ticketQueueChanged(queue: $queue, status: $status) { ticketId number change cause actor ticket { id } }
            }""";

    @Inject
    DataSource ds;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    SlaDueTimes dueTimes;

    @TestHTTPResource("/graphql")
    URI endpoint;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void fieldEditsReachStaffAndTheirOwnPortalUsers() throws Exception {
        long customer = Fixtures.customer(ds, 700);
        long other = Fixtures.customer(ds, 700);
        String id = GlobalId.encode("ProblemReport", report(customer, 30));
        Map<String, Object> filter = Map.of("filter", Map.of("ticketIds", List.of(id)));
        try (GraphQLWebSocket staff = subscribed(Tokens.agent(), FIELDS, filter);
             GraphQLWebSocket portal = subscribed(Tokens.customer(customer), FIELDS, filter);
             GraphQLWebSocket stranger = subscribed(Tokens.customer(other), FIELDS, Map.of())) {
            JsonPath updated = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + id
                    + "\", expectedVersion: 0, title: \"Down hard\", priority: CRITICAL, reason: \"Whole site\"}", "problemReport { version }");
            assertEquals(List.of(), updated.getList("userErrors"));
            List<Map<String, String>> changes = List.of(Map.of("field", "TITLE", "previousValue", "Down", "value", "Down hard"),
                    Map.of("field", "PRIORITY", "previousValue", "HIGH", "value", "CRITICAL"));
            JsonObject event = staff.nextData("1", "ticketFieldsChanged", WAIT);
            assertEquals(changes, event.getJsonArray("changes").getList());
            assertEquals("Whole site", event.getString("reason"));
            assertEquals("agent@supportgraph.dev", event.getString("actor"));
            assertEquals(id, event.getJsonObject("ticket").getString("id"));
            JsonObject own = portal.nextData("1", "ticketFieldsChanged", WAIT);
            assertEquals(changes, own.getJsonArray("changes").getList());
            assertNull(own.getString("reason"), "the history's reason is staff's");

            // The customer's own edit (urgency, description) is announced too; an edit that changes nothing is not.
            JsonPath own2 = GraphQLClient.mutate(Tokens.customer(customer), "problemReportUpdate", "{id: \"" + id
                    + "\", expectedVersion: 1, urgency: LOW, title: \"Down hard\"}", "problemReport { version }");
            assertEquals(List.of(), own2.getList("userErrors"));
            JsonObject urgency = portal.nextData("1", "ticketFieldsChanged", WAIT).getJsonArray("changes").getJsonObject(0);
            assertEquals("URGENCY", urgency.getString("field"));
            assertNull(urgency.getString("previousValue"));
            assertEquals("LOW", urgency.getString("value"));
            staff.nextData("1", "ticketFieldsChanged", WAIT);
            GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + id + "\", expectedVersion: 2, title: \"Down hard\"}",
                    "problemReport { version }");
            staff.assertSilent(Duration.ofMillis(500));
            stranger.assertSilent(Duration.ofMillis(100));
        }
        assertEquals(2, Sql.count(ds, "select count(*) from outbox_event where type = 'TICKET_FIELDS_CHANGED' and aggregate_id = ?",
                GlobalId.decode("ProblemReport", id)));
    }

    @Test
    void aQueueSeesTicketsEnterChangeAndLeave() throws Exception {
        long customer = Fixtures.customer(ds, 700);
        long l1 = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "Q1-" + tag);
        long l2 = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "Q2-" + tag);
        String annToken = Tokens.person("agent", "ann-" + tag + "@supportgraph.dev", "Ann " + tag, null);
        String ann = GraphQLClient.post(annToken, "{ me { id } }").extract().jsonPath().getString("data.me.id");
        Sql.exec(ds, "insert into work_group_member (work_group_id, agent_id) values (?, ?)", l1, GlobalId.decode("Agent", ann));
        // Created nine hours ago: HIGH resolves within 8 h, so the SLA job finds it breached.
        long report = report(customer, 540);
        String id = GlobalId.encode("ProblemReport", report);
        String group1 = GlobalId.encode("WorkGroup", l1);
        String group2 = GlobalId.encode("WorkGroup", l2);
        List<String> open = List.of("ACKNOWLEDGED", "IN_PROGRESS", "PENDING", "HELD");
        try (GraphQLWebSocket team = subscribed(Tokens.agent(), QUEUE, Map.of("queue", Map.of("workGroupId", group1), "status", open));
             GraphQLWebSocket mine = subscribed(annToken, QUEUE, Map.of("queue", Map.of("mine", true)));
             GraphQLWebSocket breached = subscribed(Tokens.agent(), QUEUE, Map.of("queue", Map.of("workGroupId", group1, "slaState", List.of("BREACHED"))));
             GraphQLWebSocket portal = subscribed(Tokens.customer(customer), QUEUE, Map.of("queue", Map.of()))) {
            route("ticketAssign", "{id: \"" + id + "\", expectedVersion: 0, workGroupId: \"" + group1 + "\"}");
            expect(team, id, "ENTERED", "ASSIGNMENT");
            route("ticketAssign", "{id: \"" + id + "\", expectedVersion: 1, assigneeId: \"" + ann + "\"}");
            expect(team, id, "CHANGED", "ASSIGNMENT");
            expect(mine, id, "ENTERED", "ASSIGNMENT");
            JsonPath started = GraphQLClient.mutate(annToken, "problemReportTransition", "{id: \"" + id + "\", expectedVersion: 2, to: IN_PROGRESS}",
                    "problemReport { version }");
            assertEquals(List.of(), started.getList("userErrors"));
            expect(team, id, "CHANGED", "STATUS");
            JsonObject byAnn = expect(mine, id, "CHANGED", "STATUS");
            assertEquals("ann-" + tag + "@supportgraph.dev", byAnn.getString("actor"));

            // The SLA job stores the breached clock: the ticket enters the breached queue. An old ticket
            // nobody touched gets its first clock silently (a backfill is no flood of events).
            long untouched = report(customer, 540);
            Sql.exec(ds, "update problem_report set updated_at = created_at where id = ?", untouched);
            dueTimes.refresh();
            assertEquals(0, Sql.count(ds, "select count(*) from outbox_event where type = 'TICKET_SLA_CHANGED' and aggregate_id = ?", untouched));
            assertEquals("RUNNING", Sql.row(ds, "select resolution_clock from problem_report where id = ?", untouched).get("resolution_clock"));
            expect(breached, id, "ENTERED", "SLA");
            assertNull(expect(team, id, "CHANGED", "SLA").getString("actor"));
            expect(mine, id, "CHANGED", "SLA");

            JsonPath edited = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + id + "\", expectedVersion: 3, severity: CRITICAL}",
                    "problemReport { version }");
            assertEquals(List.of(), edited.getList("userErrors"));
            expect(team, id, "CHANGED", "FIELDS");
            expect(breached, id, "CHANGED", "FIELDS");
            expect(mine, id, "CHANGED", "FIELDS");

            route("ticketEscalate", "{id: \"" + id + "\", expectedVersion: 4, workGroupId: \"" + group2 + "\", reason: \"Tier 2\"}");
            expect(team, id, "LEFT", "ASSIGNMENT");
            expect(breached, id, "LEFT", "ASSIGNMENT");
            expect(mine, id, "LEFT", "ASSIGNMENT");

            team.assertSilent(Duration.ofMillis(300));
            portal.assertSilent(Duration.ofMillis(100));
        }
    }

    private JsonObject expect(GraphQLWebSocket ws, String id, String change, String cause) throws InterruptedException {
        JsonObject event = ws.nextData("1", "ticketQueueChanged", WAIT);
        assertEquals(id + " " + change + " " + cause, event.getString("ticketId") + " " + event.getString("change") + " " + event.getString("cause"));
        assertEquals(id, event.getJsonObject("ticket").getString("id"));
        return event;
    }

    private void route(String mutation, String input) {
        assertEquals(List.of(), GraphQLClient.mutate(Tokens.agent(), mutation, input, "ticket { id }").getList("userErrors"));
    }

    /** An ACKNOWLEDGED HIGH report created minutes ago, with its first status change then. */
    private long report(long customer, int createdMinutesAgo) {
        OffsetDateTime created = OffsetDateTime.now().minusMinutes(createdMinutesAgo);
        long id = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status, created_at) "
                + "values (?, 'Down', 'MAJOR', 'HIGH', 'AGENT', 'ACKNOWLEDGED', ?) returning id", customer, created);
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, to_status, actor, changed_at) values (?, ?, 'ACKNOWLEDGED', 'test', ?)",
                id, customer, created);
        return id;
    }

    private GraphQLWebSocket subscribed(String token, String query, Map<String, Object> variables) throws Exception {
        int expected = (int) registry.get("supportgraph.subscriptions.active").gauge().value() + 1;
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, token).init(null);
        ws.subscribe("1", query, variables);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (registry.get("supportgraph.subscriptions.active").gauge().value() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return ws;
    }
}
