package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static dev.supportgraph.testing.GraphQLWebSocket.LEGACY_WS;
import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ticketStatusChanged over real WebSockets, fed by events committed through the outbox. */
@QuarkusTest
class TicketStatusSubscriptionTest {

    static final String SUBSCRIPTION = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) {
                eventId kind ticketId number previousStatus status reason actor occurredAt customer { name }
              }
            }""";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(700);
    static final AtomicLong TICKETS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    TicketEvents events;

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSocketsAndSeeThemCleanedUp() throws InterruptedException {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
        awaitActiveSubscriptions(0);
    }

    @Test
    void deliversCommittedEventsButNotRolledBackOnes() throws Exception {
        long customer = events.customer("Events Commit Ltd");
        long ticket = TICKETS.incrementAndGet();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(pr(ticket)), null), null);

        assertThrows(IllegalStateException.class, () -> events.changedThenRolledBack(TicketKind.PROBLEM_REPORT, ticket, customer));
        long id = events.changed(TicketKind.PROBLEM_REPORT, ticket, customer, "RESOLVED");

        JsonObject event = event(ws);
        assertEquals(EventId.encode(id), event.getString("eventId"));
        assertEquals("PROBLEM_REPORT", event.getString("kind"));
        assertEquals(pr(ticket), event.getString("ticketId"));
        assertEquals("PROBLEM_REPORT-" + ticket, event.getString("number"));
        assertEquals("IN_PROGRESS", event.getString("previousStatus"));
        assertEquals("RESOLVED", event.getString("status"));
        assertEquals("because RESOLVED", event.getString("reason"));
        assertEquals("agent@supportgraph.dev", event.getString("actor"));
        assertEquals("Events Commit Ltd", event.getJsonObject("customer").getString("name"));
        ws.assertSilent(QUIET);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("supportgraph_subscriptions_active"))
                .body(containsString("supportgraph_events_delivered_total"))
                .body(containsString("supportgraph_events_delivery_lag_seconds_count"));
    }

    @Test
    void filtersByKindTicketAndCustomer() throws Exception {
        long customer = events.customer("Events Filter Ltd");
        long other = events.customer("Events Filter Other Ltd");
        long a = TICKETS.incrementAndGet();
        long b = TICKETS.incrementAndGet();
        GraphQLWebSocket byKind = subscribed(Tokens.sre(), null, TRANSPORT_WS,
                filter(List.of("SERVICE_TROUBLE"), List.of(st(a), st(b), pr(a)), null), null);
        GraphQLWebSocket byTicket = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(pr(a)), null), null);
        GraphQLWebSocket byCustomer = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, null, gid(customer)), null);

        events.changed(TicketKind.PROBLEM_REPORT, b, other, "PENDING");
        events.changed(TicketKind.SERVICE_TROUBLE, a, null, "HELD");
        events.changed(TicketKind.PROBLEM_REPORT, a, customer, "RESOLVED");

        JsonObject trouble = event(byKind);
        assertEquals(st(a), trouble.getString("ticketId"));
        assertNull(trouble.getValue("customer"));
        assertEquals(pr(a), event(byTicket).getString("ticketId"));
        assertEquals(pr(a), event(byCustomer).getString("ticketId"));
        for (GraphQLWebSocket ws : List.of(byKind, byTicket, byCustomer)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void portalCustomerOnlyEverReceivesOwnProblemReports() throws Exception {
        long mine = events.customer("Events Portal Ltd");
        long theirs = events.customer("Events Portal Other Ltd");
        long myTicket = TICKETS.incrementAndGet();
        long theirTicket = TICKETS.incrementAndGet();
        String token = Tokens.customer(mine);
        // The token comes in the connection_init payload here, as browsers send it.
        GraphQLWebSocket everything = subscribed(null, token, TRANSPORT_WS, null, null);
        GraphQLWebSocket otherCustomer = subscribed(null, token, TRANSPORT_WS, filter(null, null, gid(theirs)), null);
        GraphQLWebSocket otherTicket = subscribed(null, token, TRANSPORT_WS, filter(null, List.of(pr(theirTicket)), null), null);
        GraphQLWebSocket troubles = subscribed(null, token, TRANSPORT_WS,
                filter(List.of("SERVICE_TROUBLE", "RESOURCE_TROUBLE"), null, null), null);

        events.changed(TicketKind.PROBLEM_REPORT, theirTicket, theirs, "RESOLVED");
        events.changed(TicketKind.SERVICE_TROUBLE, myTicket, null, "RESOLVED");
        events.changed(TicketKind.RESOURCE_TROUBLE, myTicket, null, "RESOLVED");
        events.changed(TicketKind.PROBLEM_REPORT, myTicket, mine, "RESOLVED");

        JsonObject own = event(everything);
        assertEquals(pr(myTicket), own.getString("ticketId"));
        assertEquals("Events Portal Ltd", own.getJsonObject("customer").getString("name"));
        for (GraphQLWebSocket ws : List.of(everything, otherCustomer, otherTicket, troubles)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void anonymousSubscribersAreRefused() throws Exception {
        GraphQLWebSocket ws = open(null, TRANSPORT_WS).init(null);
        ws.subscribe("1", SUBSCRIPTION, Map.of());
        JsonObject message = ws.nextMessage(WAIT);
        assertEquals("next", message.getString("type"), message::encode);
        assertEquals("unauthorized", message.getJsonObject("payload").getJsonArray("errors")
                .getJsonObject(0).getJsonObject("extensions").getString("code"));
    }

    @Test
    void replaysWhatWasMissedAfterACursorThenContinuesLive() throws Exception {
        long ticket = TICKETS.incrementAndGet();
        long first = events.changed(TicketKind.RESOURCE_TROUBLE, ticket, null, "IN_PROGRESS");
        long second = events.changed(TicketKind.RESOURCE_TROUBLE, ticket, null, "PENDING");
        long third = events.changed(TicketKind.RESOURCE_TROUBLE, ticket, null, "IN_PROGRESS");
        GraphQLWebSocket ws = subscribed(Tokens.sre(), null, TRANSPORT_WS,
                filter(null, List.of(rt(ticket)), null), EventId.encode(first));

        assertEquals(EventId.encode(second), event(ws).getString("eventId"));
        assertEquals(EventId.encode(third), event(ws).getString("eventId"));
        long fourth = events.changed(TicketKind.RESOURCE_TROUBLE, ticket, null, "RESOLVED");
        assertEquals(EventId.encode(fourth), event(ws).getString("eventId"));
        ws.assertSilent(QUIET);
    }

    @Test
    void legacyGraphqlWsProtocolIsServedToo() throws Exception {
        long ticket = TICKETS.incrementAndGet();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, LEGACY_WS, filter(null, List.of(st(ticket)), null), null);
        long id = events.changed(TicketKind.SERVICE_TROUBLE, ticket, null, "CLOSED");
        assertEquals(EventId.encode(id), event(ws).getString("eventId"));
    }

    @Test
    void everyEventArrivesOnceAndInOrderWhileTheListenerConnectionIsKilled() throws Exception {
        long ticket = TICKETS.incrementAndGet();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(st(ticket)), null), null);

        List<Long> produced = new ArrayList<>();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 60; i++) {
                    produced.add(events.changed(TicketKind.SERVICE_TROUBLE, ticket, null, "IN_PROGRESS"));
                    if (i % 20 == 10) {
                        assertTrue(events.killListener(config.applicationName()) > 0, "the listener was connected");
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            received.add(event(ws).getString("eventId"));
        }
        producer.join();
        assertEquals(produced.stream().map(EventId::encode).toList(), received);
        ws.assertSilent(QUIET);
    }

    @Test
    void closingTheSocketEndsTheSubscription() throws Exception {
        double before = activeSubscriptions();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, null, null);
        assertEquals(before + 1, activeSubscriptions());
        ws.close();
        awaitActiveSubscriptions(0);
    }

    private GraphQLWebSocket subscribed(String headerToken, String initToken, String protocol,
                                        Map<String, Object> filter, String after) throws Exception {
        int expected = (int) activeSubscriptions() + 1;
        GraphQLWebSocket ws = open(headerToken, protocol).init(initToken);
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("after", after);
        ws.subscribe("1", SUBSCRIPTION, variables);
        // subscribe has no acknowledgement: wait until the server has registered it.
        awaitActiveSubscriptions(expected);
        return ws;
    }

    private GraphQLWebSocket open(String headerToken, String protocol) throws Exception {
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, protocol, headerToken);
        sockets.add(ws);
        return ws;
    }

    private static JsonObject event(GraphQLWebSocket ws) throws InterruptedException {
        JsonObject payload = ws.next("1", WAIT);
        assertNull(payload.getValue("errors"), payload::encode);
        return payload.getJsonObject("data").getJsonObject("ticketStatusChanged");
    }

    private double activeSubscriptions() {
        return registry.get("supportgraph.subscriptions.active").gauge().value();
    }

    private void awaitActiveSubscriptions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (activeSubscriptions() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, activeSubscriptions(), "active subscriptions");
    }

    static Map<String, Object> filter(List<String> kinds, List<String> ticketIds, String customerId) {
        Map<String, Object> filter = new HashMap<>();
        if (kinds != null) {
            filter.put("kinds", kinds);
        }
        if (ticketIds != null) {
            filter.put("ticketIds", ticketIds);
        }
        if (customerId != null) {
            filter.put("customerId", customerId);
        }
        return filter;
    }

    static String pr(long id) {
        return GlobalId.encode(TicketKind.PROBLEM_REPORT.nodeType, id);
    }

    static String st(long id) {
        return GlobalId.encode(TicketKind.SERVICE_TROUBLE.nodeType, id);
    }

    static String rt(long id) {
        return GlobalId.encode(TicketKind.RESOURCE_TROUBLE.nodeType, id);
    }

    static String gid(long customerId) {
        return GlobalId.encode("Customer", customerId);
    }
}
