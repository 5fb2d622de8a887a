package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.subscription.TicketEventFilter;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.testing.GraphQLWebSocket.LEGACY_WS;
import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraphQL over WebSocket protocols themselves (events.GraphQLOverWebSocket), over real sockets:
 * the graphql-transport-ws close codes for each protocol violation, keep-alives, the token's
 * life, operations other than subscriptions, and completing one operation of several.
 */
@QuarkusTest
class GraphQLOverWebSocketTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String RESUMABLE = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) { eventId status }
            }""";
    static final String TICKETS = "subscription($filter: TicketEventFilter) { ticketStatusChanged(filter: $filter) { eventId status } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    @Inject
    TicketEvents events;

    private final TicketMutations tickets = new TicketMutations(null);
    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
    }

    @Test
    void answersPingsAndKeepsTheConnectionAlive() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        ws.send(new JsonObject().put("type", "ping"));
        assertEquals("pong", nextOfType(ws, "pong").getString("type"));
        // The server pings every keep-alive interval (1 s in tests); the client answers with pong.
        assertNotNull(nextOfType(ws, "ping"));
        GraphQLWebSocket legacy = open(LEGACY_WS, Tokens.agent()).init(null);
        assertNotNull(nextOfType(legacy, "ka"));
    }

    @Test
    void pingsOnlySilentSocketsButAlwaysSendsLegacyKeepAlives() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        GraphQLWebSocket legacy = open(LEGACY_WS, Tokens.agent()).init(null);
        // Both sockets are written to every 250 ms, for four keep-alive intervals (1 s in tests).
        long until = System.nanoTime() + 4 * config.webSocket().keepAlive().toNanos();
        int keepAlives = 0;
        long interval = config.webSocket().keepAlive().toNanos();
        long lastWrite = System.nanoTime();
        for (int i = 0; System.nanoTime() < until; i++) {
            ws.send(new JsonObject().put("type", "ping"));
            JsonObject answer = ws.nextAny(WAIT);
            if (answer.getString("type").equals("ping")) {
                // Only a socket the server has not written to for a whole interval (less one sweep) may be
                // pinged: a loaded machine can stretch one round of this loop beyond the interval.
                long silent = System.nanoTime() - lastWrite;
                assertTrue(silent >= interval - config.webSocket().sweepInterval().toNanos(),
                        "a socket written to " + silent / 1_000_000 + " ms ago was pinged");
                answer = ws.nextAny(WAIT);
            }
            assertEquals("pong", answer.getString("type"), answer.encode());
            lastWrite = System.nanoTime();
            legacy.subscribe("q" + i, "query { customers(first: 1) { edges { node { id } } } }", Map.of());
            for (String type = ""; !type.equals("complete"); ) {
                type = legacy.nextAny(WAIT).getString("type");
                keepAlives += type.equals("ka") ? 1 : 0;
            }
            Thread.sleep(250);
        }
        // graphql-ws clients time out without "ka" messages, whatever else they receive.
        assertTrue(keepAlives >= 2, "legacy keep-alives: " + keepAlives);
        // Once silent, the socket is pinged again.
        assertNotNull(nextOfType(ws, "ping"));
    }

    @Test
    void closesWith4401WhenAnOperationComesBeforeConnectionInit() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent());
        ws.subscribe("1", TICKETS, Map.of());
        assertClosed(ws, 4401, "Unauthorized");
    }

    @Test
    void closesWith4408WhenConnectionInitNeverComes() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent());
        assertClosed(ws, 4408, "Connection initialisation timeout");
    }

    @Test
    void closesWith4429OnASecondConnectionInit() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        ws.send(new JsonObject().put("type", "connection_init"));
        assertClosed(ws, 4429, "Too many initialisation requests");
    }

    @Test
    void closesWith4409WhenAnOperationIdIsTaken() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        ws.subscribe("1", TICKETS, Map.of());
        ws.subscribe("1", TICKETS, Map.of());
        assertClosed(ws, 4409, "Subscriber for 1 already exists");
    }

    @Test
    void closesWith4400OnMessagesOutsideTheProtocol() throws Exception {
        GraphQLWebSocket notJson = open(TRANSPORT_WS, Tokens.agent());
        notJson.sendText("hello");
        assertEquals(4400, notJson.closed(WAIT).getInteger("code"));

        GraphQLWebSocket unknownType = open(TRANSPORT_WS, Tokens.agent()).init(null);
        unknownType.send(new JsonObject().put("type", "start"));
        assertClosed(unknownType, 4400, "Unknown message type: start");

        GraphQLWebSocket longType = open(TRANSPORT_WS, Tokens.agent()).init(null);
        longType.send(new JsonObject().put("type", "x".repeat(500)));
        assertClosed(longType, 4400, ("Unknown message type: " + "x".repeat(500)).substring(0, 123));

        GraphQLWebSocket noId = open(TRANSPORT_WS, Tokens.agent()).init(null);
        noId.send(new JsonObject().put("type", "subscribe").put("payload", new JsonObject().put("query", TICKETS)));
        assertClosed(noId, 4400, "Invalid message: an operation needs an id");

        GraphQLWebSocket noQuery = open(TRANSPORT_WS, Tokens.agent()).init(null);
        noQuery.send(new JsonObject().put("type", "subscribe").put("id", "1").put("payload", new JsonObject()));
        assertClosed(noQuery, 4400, "Invalid message: the payload needs a query");
    }

    @Test
    void refusesABadConnectionInitTokenAndATokenInTwoPlaces() throws Exception {
        GraphQLWebSocket forged = open(TRANSPORT_WS, null);
        forged.send(new JsonObject().put("type", "connection_init")
                .put("payload", new JsonObject().put("Authorization", "Bearer not-a-token")));
        assertClosed(forged, 4403, "Forbidden");

        GraphQLWebSocket twice = open(TRANSPORT_WS, Tokens.agent());
        twice.send(new JsonObject().put("type", "connection_init")
                .put("payload", new JsonObject().put("Authorization", "Bearer " + Tokens.agent())));
        assertClosed(twice, 4400, "Authorization specified in multiple locations");
    }

    /**
     * An expired token closes the socket with 4403, which graphql-ws clients retry (unlike 1008 and
     * 4401): the client reconnects with a fresh token from its connectionParams and resumes with
     * after: the last event id it saw, losing nothing (docs/subscriptions.md).
     */
    @Test
    void anExpiredTokenClosesWith4403AndTheClientResumesWithAFreshTokenLosingNothing() throws Exception {
        long customer = events.customer("WebSocket Token Refresh Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        Map<String, Object> filter = Map.of("ticketIds", List.of(report));
        double before = active();
        GraphQLWebSocket expiring = open(TRANSPORT_WS, null).init(Tokens.agentExpiringIn(3));
        expiring.subscribe("1", RESUMABLE, Map.of("filter", filter));
        awaitActive(before + 1);
        tickets.transition(Tokens.agent(), report, "IN_PROGRESS", null);
        String lastSeen = expiring.nextData("1", "ticketStatusChanged", WAIT).getString("eventId");

        JsonObject closed = expiring.closed(WAIT);
        assertEquals(4403, closed.getInteger("code"), closed::encode);
        assertEquals("Authentication expired", closed.getString("reason"));

        // Changes while the client is away are replayed after reconnecting.
        tickets.transition(Tokens.agent(), report, "PENDING", null);
        tickets.transition(Tokens.agent(), report, "IN_PROGRESS", null);
        GraphQLWebSocket resumed = open(TRANSPORT_WS, null).init(Tokens.agent());
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("filter", filter));
        variables.put("after", lastSeen);
        resumed.subscribe("1", RESUMABLE, variables);
        List<String> statuses = new ArrayList<>();
        statuses.add(resumed.nextData("1", "ticketStatusChanged", WAIT).getString("status"));
        statuses.add(resumed.nextData("1", "ticketStatusChanged", WAIT).getString("status"));
        tickets.transition(Tokens.agent(), report, "RESOLVED", null);
        statuses.add(resumed.nextData("1", "ticketStatusChanged", WAIT).getString("status"));
        assertEquals(List.of("PENDING", "IN_PROGRESS", "RESOLVED"), statuses);
        resumed.assertSilent(Duration.ofMillis(500));
    }

    @Test
    void answersQueriesAndMutationsWithOneResultThenComplete() throws Exception {
        long customer = events.customer("WebSocket Mutation Ltd");
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        // An id is any string: one that JSON must escape comes back as it was sent.
        String id = "q \"1\" \\ é";
        ws.subscribe(id, "query { customers(first: 1) { edges { node { id } } } }", Map.of());
        JsonObject payload = ws.next(id, WAIT);
        assertNull(payload.getValue("errors"), payload::encode);
        assertEquals(1, payload.getJsonObject("data").getJsonObject("customers").getJsonArray("edges").size());
        assertEquals(new JsonObject().put("id", id).put("type", "complete"), ws.nextMessage(WAIT));

        ws.subscribe("m", "mutation($input: ProblemReportCreateInput!) { problemReportCreate(input: $input) { problemReport { title } } }",
                Map.of("input", Map.of("customerId", GlobalId.encode("Customer", customer),
                        "title", "Over the socket", "severity", "MINOR", "priority", "LOW")));
        assertEquals("Over the socket", ws.nextData("m", "problemReportCreate", WAIT).getJsonObject("problemReport").getString("title"));
        assertEquals("complete", ws.nextMessage(WAIT).getString("type"));
    }

    @Test
    void answersInvalidDocumentsWithAnErrorMessage() throws Exception {
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        ws.subscribe("bad", "subscription { noSuchField }", Map.of());
        JsonObject error = ws.nextMessage(WAIT);
        assertEquals("error", error.getString("type"), error::encode);
        assertEquals("bad", error.getString("id"));
        JsonArray errors = error.getJsonArray("payload");
        assertEquals("ValidationError", errors.getJsonObject(0).getJsonObject("extensions").getString("classification"), error::encode);

        // The legacy protocol's error carries one error object.
        GraphQLWebSocket legacy = open(LEGACY_WS, Tokens.agent()).init(null);
        legacy.subscribe("bad", "subscription { noSuchField }", Map.of());
        JsonObject legacyError = legacy.nextMessage(WAIT);
        assertEquals("error", legacyError.getString("type"), legacyError::encode);
        assertTrue(legacyError.getJsonObject("payload").getString("message").contains("noSuchField"), legacyError::encode);
    }

    @Test
    void completeEndsOnlyThatOperationAndAnotherMayNotExceedTheLimit() throws Exception {
        long customer = events.customer("WebSocket Complete Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        double before = active();
        GraphQLWebSocket ws = open(TRANSPORT_WS, Tokens.agent()).init(null);
        Map<String, Object> variables = Map.of("filter", Map.of("ticketIds", List.of(report)));
        ws.subscribe("a", TICKETS, variables);
        ws.subscribe("b", TICKETS, variables);
        awaitActive(before + 2);

        ws.send(new JsonObject().put("type", "complete").put("id", "a"));
        awaitActive(before + 1);
        tickets.transition(Tokens.agent(), report, "IN_PROGRESS", null);
        assertEquals("IN_PROGRESS", ws.nextData("b", "ticketStatusChanged", WAIT).getString("status"));
        ws.assertSilent(Duration.ofMillis(500));

        for (int i = 1; i < config.webSocket().maxOperations(); i++) {
            ws.subscribe("more-" + i, TICKETS, variables);
        }
        awaitActive(before + config.webSocket().maxOperations());
        ws.subscribe("one-too-many", TICKETS, variables);
        JsonObject refused = ws.nextMessage(WAIT);
        assertEquals("error", refused.getString("type"), refused::encode);
        assertEquals("one-too-many", refused.getString("id"));
        assertEquals("TOO_MANY_OPERATIONS", refused.getJsonArray("payload").getJsonObject(0)
                .getJsonObject("extensions").getString("code"), refused::encode);
        ws.close();
        awaitActive(before);
    }

    private GraphQLWebSocket open(String protocol, String headerToken) throws Exception {
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, protocol, headerToken);
        sockets.add(ws);
        return ws;
    }

    private static JsonObject nextOfType(GraphQLWebSocket ws, String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject message = ws.nextAny(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && type.equals(message.getString("type"))) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " within " + WAIT);
    }

    private static void assertClosed(GraphQLWebSocket ws, int code, String reason) throws InterruptedException {
        JsonObject closed = ws.closed(WAIT);
        assertEquals(code, closed.getInteger("code"), closed::encode);
        assertEquals(reason, closed.getString("reason"), closed::encode);
    }

    private double active() {
        return registry.get("supportgraph.subscriptions.active").gauge().value();
    }

    private void awaitActive(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (active() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, active(), "active subscriptions");
    }
}
