package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents, work groups and the routing of every ticket kind, through the real endpoints: agents
 * appear on first sight, admins manage groups, staff assign, escalate and unassign, every change
 * lands in the ticket's field history and reaches ticketAssignmentChanged subscribers.
 */
@QuarkusTest
class TicketAssignmentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    DataSource ds;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/graphql")
    URI endpoint;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void concurrentFirstRequestsOfOnePersonMakeOneAgent() throws Exception {
        String token = Tokens.person("agent", "first-" + tag + "@supportgraph.dev", "First Sight", "first-" + tag + "@example.com");
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<String>> ids = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> GraphQLClient.post(token, "{ me { id name email subject } }").statusCode(200).extract()
                            .jsonPath().getString("data.me.id"), pool)).toList();
            assertEquals(1, ids.stream().map(CompletableFuture::join).distinct().count());
        }
        assertEquals(1, Sql.count(ds, "select count(*) from agent where subject = ?", "first-" + tag + "@supportgraph.dev"));
        JsonPath me = GraphQLClient.post(token, "{ me { name email } }").extract().jsonPath();
        assertEquals("First Sight", me.getString("data.me.name"));
        assertEquals("first-" + tag + "@example.com", me.getString("data.me.email"));
        // A new name in the token updates the row.
        GraphQLClient.post(Tokens.person("agent", "first-" + tag + "@supportgraph.dev", "Renamed", null), "{ me { id } }").statusCode(200);
        assertEquals("Renamed", Sql.row(ds, "select name from agent where subject = ?", "first-" + tag + "@supportgraph.dev").get("name"));
        assertNull(GraphQLClient.post(Tokens.customer(1), "{ me { id } }").extract().jsonPath().get("data.me"));
    }

    @Test
    void adminsManageGroupsOthersMayNot() {
        String ann = agentId("ann");
        JsonPath refused = GraphQLClient.mutate(Tokens.agent(), "workGroupCreate", "{name: \"L1-" + tag + "\"}", "workGroup { id }");
        assertEquals(List.of("FORBIDDEN"), refused.getList("userErrors.code"));
        String group = group("L1-" + tag);
        JsonPath added = GraphQLClient.mutate(Tokens.admin(), "workGroupAddMember",
                "{workGroupId: \"" + group + "\", agentId: \"" + ann + "\", expectedVersion: 0}",
                "workGroup { version members { name } }");
        assertEquals(List.of(), added.getList("userErrors"));
        assertEquals(1, added.getInt("workGroup.version"));
        assertEquals(List.of("Ann " + tag), added.getList("workGroup.members.name"));
        JsonPath stale = GraphQLClient.mutate(Tokens.admin(), "workGroupRemoveMember",
                "{workGroupId: \"" + group + "\", agentId: \"" + ann + "\", expectedVersion: 0}", "workGroup { id }");
        assertEquals(List.of("STALE_OBJECT"), stale.getList("userErrors.code"));
        JsonPath removed = GraphQLClient.mutate(Tokens.admin(), "workGroupRemoveMember",
                "{workGroupId: \"" + group + "\", agentId: \"" + ann + "\", expectedVersion: 1}", "workGroup { members { name } }");
        assertEquals(List.of(), removed.getList("workGroup.members"));
        JsonPath node = GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on WorkGroup { name } } }",
                Map.of("id", group)).extract().jsonPath();
        assertEquals("L1-" + tag, node.getString("data.node.name"));
        JsonPath portal = GraphQLClient.post(Tokens.customer(1), "query($id: ID!) { node(id: $id) { id } workGroups { id } }",
                Map.of("id", group)).extract().jsonPath();
        assertNull(portal.get("data.node"));
        assertEquals(List.of(), portal.getList("data.workGroups"));
    }

    @Test
    void assignEscalateUnassignAProblemReportWithHistoryAndEvents() throws Exception {
        String ann = agentId("ann");
        String bob = agentId("bob");
        String l1 = group("L1-" + tag);
        String l2 = group("L2-" + tag);
        member(l1, ann, 0);
        member(l2, bob, 0);
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Routing Ltd', 'ENTERPRISE', 700) returning id", tag);
        long report = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel) values (?, 'Down', 'MAJOR', 'HIGH', 'PORTAL') returning id", customer);
        String id = GlobalId.encode("ProblemReport", report);

        try (GraphQLWebSocket ws = subscribed(Tokens.agent(), id); GraphQLWebSocket portal = subscribed(Tokens.customer(customer), id)) {
            JsonPath notMember = assign(id, 0, "workGroupId: \"" + l1 + "\", assigneeId: \"" + bob + "\"");
            assertEquals(List.of("BUSINESS_RULE"), notMember.getList("userErrors.code"));
            JsonPath assigned = assign(id, 0, "workGroupId: \"" + l1 + "\", assigneeId: \"" + ann + "\", reason: \"Triage\"");
            assertEquals(List.of(), assigned.getList("userErrors"));
            assertEquals("Ann " + tag, assigned.getString("ticket.assignee.name"));
            assertEquals("L1-" + tag, assigned.getString("ticket.workGroup.name"));
            assertEquals(1, assigned.getInt("ticket.version"));
            JsonObject event = ws.nextData("1", "ticketAssignmentChanged", WAIT);
            assertEquals("ASSIGN", event.getString("action"));
            assertEquals(ann, event.getString("assigneeId"));
            assertEquals(l1, event.getString("workGroupId"));
            assertEquals("agent@supportgraph.dev", event.getString("actor"));

            JsonPath stale = assign(id, 0, "workGroupId: \"" + l2 + "\"");
            assertEquals(List.of("STALE_OBJECT"), stale.getList("userErrors.code"));
            JsonPath noReason = GraphQLClient.mutate(Tokens.agent(), "ticketEscalate",
                    "{id: \"" + id + "\", expectedVersion: 1, workGroupId: \"" + l2 + "\", reason: \" \"}", "ticket { id }");
            assertEquals(List.of("BAD_USER_INPUT"), noReason.getList("userErrors.code"));
            JsonPath escalated = GraphQLClient.mutate(Tokens.sre(), "ticketEscalate",
                    "{id: \"" + id + "\", expectedVersion: 1, workGroupId: \"" + l2 + "\", reason: \"Needs tier 2\"}",
                    "ticket { version workGroup { name } assignee { name } }");
            assertEquals("L2-" + tag, escalated.getString("ticket.workGroup.name"));
            assertNull(escalated.get("ticket.assignee"));
            event = ws.nextData("1", "ticketAssignmentChanged", WAIT);
            assertEquals("ESCALATE", event.getString("action"));
            assertEquals(l1, event.getString("previousWorkGroupId"));
            assertEquals(ann, event.getString("previousAssigneeId"));
            assertEquals("Needs tier 2", event.getString("reason"));

            assertEquals(List.of(), assign(id, 2, "assigneeId: \"" + bob + "\"").getList("userErrors"));
            ws.nextData("1", "ticketAssignmentChanged", WAIT);
            JsonPath unassigned = GraphQLClient.mutate(Tokens.admin(), "ticketUnassign", "{id: \"" + id + "\", expectedVersion: 3}",
                    "ticket { workGroup { name } assignee { name } }");
            assertEquals("L2-" + tag, unassigned.getString("ticket.workGroup.name"));
            assertNull(unassigned.get("ticket.assignee"));
            assertEquals("UNASSIGN", ws.nextData("1", "ticketAssignmentChanged", WAIT).getString("action"));

            JsonPath forbidden = GraphQLClient.mutate(Tokens.customer(customer), "ticketAssign",
                    "{id: \"" + id + "\", expectedVersion: 4, workGroupId: \"" + l1 + "\"}", "ticket { id }");
            assertEquals(List.of("FORBIDDEN"), forbidden.getList("userErrors.code"));
            portal.assertSilent(Duration.ofMillis(500));
        }

        JsonPath history = GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on ProblemReport { "
                + "fieldChanges { field action oldValue newValue reason actor changedAt } } } }", Map.of("id", id)).extract().jsonPath();
        List<Map<String, Object>> changes = history.getList("data.node.fieldChanges");
        assertEquals(List.of("WORK_GROUP ASSIGN null L1-" + tag, "ASSIGNEE ASSIGN null Ann " + tag,
                "WORK_GROUP ESCALATE L1-" + tag + " L2-" + tag, "ASSIGNEE ESCALATE Ann " + tag + " null",
                "ASSIGNEE ASSIGN null Bob " + tag, "ASSIGNEE UNASSIGN Bob " + tag + " null"),
                changes.stream().map(c -> c.get("field") + " " + c.get("action") + " " + c.get("oldValue") + " " + c.get("newValue")).toList());
        assertEquals("Needs tier 2", changes.get(2).get("reason"));
        assertEquals("sre@supportgraph.dev", changes.get(2).get("actor"));
        JsonPath portalView = GraphQLClient.post(Tokens.customer(customer), "query($id: ID!) { node(id: $id) { ... on ProblemReport { "
                + "number assignee { id } workGroup { id } fieldChanges { field } } } }", Map.of("id", id)).extract().jsonPath();
        assertTrue(portalView.getString("data.node.number").startsWith("PR-"));
        assertNull(portalView.get("data.node.workGroup"));
        assertEquals(List.of(), portalView.getList("data.node.fieldChanges"));
        assertEquals(4, Sql.count(ds, "select count(*) from outbox_event where type = 'TICKET_ASSIGNMENT_CHANGED' and aggregate_id = ? and aggregate = 'PROBLEM_REPORT'", report));
    }

    @Test
    void everyTicketKindIsRoutedByTheSameMutation() {
        String ann = agentId("ann");
        String noc = group("NOC-" + tag);
        member(noc, ann, 0);
        long trouble = Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency) values ('Outage', 'MAJOR', 'HIGH', 'MINOR', 'LOW') returning id");
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'OLT') returning id", "olt-" + tag);
        long resourceTrouble = Sql.exec(ds, "insert into resource_trouble (title, resource_id, severity, priority, perceived_severity) values ('Card', ?, 'MAJOR', 'HIGH', 'MAJOR') returning id", resource);
        for (String id : List.of(GlobalId.encode("ServiceTrouble", trouble), GlobalId.encode("ResourceTrouble", resourceTrouble))) {
            JsonPath assigned = assign(id, 0, "workGroupId: \"" + noc + "\", assigneeId: \"" + ann + "\"");
            assertEquals(List.of(), assigned.getList("userErrors"));
            assertEquals("Ann " + tag, assigned.getString("ticket.assignee.name"));
        }
        assertEquals(List.of("INVALID_ID"), assign(GlobalId.encode("Customer", 1), 0, "workGroupId: \"" + noc + "\"").getList("userErrors.code"));
        Sql.exec(ds, "update service_trouble set status = 'CLOSED' where id = ?", trouble);
        assertEquals(List.of("BUSINESS_RULE"), assign(GlobalId.encode("ServiceTrouble", trouble), 1, "workGroupId: \"" + noc + "\"").getList("userErrors.code"));
    }

    private JsonPath assign(String id, int version, String rest) {
        return GraphQLClient.mutate(Tokens.agent(), "ticketAssign", "{id: \"" + id + "\", expectedVersion: " + version + ", " + rest + "}",
                "ticket { id version ... on Ticket { assignee { name } workGroup { name } } }");
    }

    /** The agent id of a named person, known from their first request. */
    private String agentId(String who) {
        String name = Character.toUpperCase(who.charAt(0)) + who.substring(1) + " " + tag;
        return GraphQLClient.post(Tokens.person("agent", who + "-" + tag + "@supportgraph.dev", name, null), "{ me { id } }")
                .statusCode(200).extract().jsonPath().getString("data.me.id");
    }

    private String group(String name) {
        JsonPath created = GraphQLClient.mutate(Tokens.admin(), "workGroupCreate", "{name: \"" + name + "\", description: \"Test\"}", "workGroup { id }");
        assertEquals(List.of(), created.getList("userErrors"));
        return created.getString("workGroup.id");
    }

    private void member(String group, String agent, int version) {
        JsonPath added = GraphQLClient.mutate(Tokens.admin(), "workGroupAddMember",
                "{workGroupId: \"" + group + "\", agentId: \"" + agent + "\", expectedVersion: " + version + "}", "workGroup { id }");
        assertEquals(List.of(), added.getList("userErrors"));
    }

    private GraphQLWebSocket subscribed(String token, String ticketId) throws Exception {
        int expected = (int) registry.get("supportgraph.subscriptions.active").gauge().value() + 1;
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, token).init(null);
        ws.subscribe("1", """
                subscription($filter: TicketEventFilter) {
                  ticketAssignmentChanged(filter: $filter) {
                    eventId kind ticketId number action previousWorkGroupId workGroupId workGroupName
                    previousAssigneeId assigneeId assigneeName reason actor occurredAt
                  }
                }""", Map.of("filter", Map.of("ticketIds", List.of(ticketId))));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (registry.get("supportgraph.subscriptions.active").gauge().value() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return ws;
    }
}
