package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.subscription.TicketEventFilter;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import dev.supportgraph.ticket.TicketKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

import static dev.supportgraph.testing.GraphQLWebSocket.LEGACY_WS;
import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ticketStatusChanged over real WebSockets, fed by the ticket mutations over HTTP. */
@QuarkusTest
class TicketStatusSubscriptionTest {

    static final String SUBSCRIPTION = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) {
                eventId kind ticketId number previousStatus status reason actor occurredAt customer { name }
                ticket { id number status ... on ProblemReport { title } }
              }
            }""";
    /** A selection with batch fields inside the event and inside its ticket. */
    static final String WITH_NOTES = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) {
                eventId status customer { name } ticket { status ... on ProblemReport { notes { body } } }
              }
            }""";
    static final String NARROW = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) { id: eventId now: ticket { status } }
            }""";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    TicketEvents events;

    private final TicketMutations tickets = new TicketMutations(null);

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    @Inject
    SqlStatements statements;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSocketsAndSeeThemCleanedUp() throws InterruptedException {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
        awaitActiveSubscriptions(0);
    }

    @Test
    void deliversCommittedChangesButNotRolledBackOnes() throws Exception {
        long customer = events.customer("Events Commit Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(report), null), null);

        assertThrows(IllegalStateException.class, () -> events.changedThenRolledBack(TicketKind.PROBLEM_REPORT, key(report), customer));
        tickets.transition(Tokens.agent(), report, "IN_PROGRESS", "on it");

        JsonObject event = event(ws);
        assertEquals(EventId.encode(events.eventIds(TicketKind.PROBLEM_REPORT, key(report)).getLast()), event.getString("eventId"));
        assertEquals("PROBLEM_REPORT", event.getString("kind"));
        assertEquals(report, event.getString("ticketId"));
        assertTrue(event.getString("number").startsWith("PR-"), event::encode);
        assertEquals("ACKNOWLEDGED", event.getString("previousStatus"));
        assertEquals("IN_PROGRESS", event.getString("status"));
        assertEquals("on it", event.getString("reason"));
        assertEquals("agent@supportgraph.dev", event.getString("actor"));
        assertEquals("Events Commit Ltd", event.getJsonObject("customer").getString("name"));
        assertEquals(new JsonObject().put("id", report).put("number", event.getString("number")).put("status", "IN_PROGRESS")
                .put("title", "Events test"), event.getJsonObject("ticket"));
        ws.assertSilent(QUIET);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("supportgraph_subscriptions_active"))
                .body(containsString("supportgraph_events_delivered_total"))
                .body(containsString("supportgraph_events_delivery_lag_seconds_count"));
    }

    @Test
    void everyEventReadsTheTicketAsItIsThen() throws Exception {
        // The subscription's request scope lives as long as the subscription, and the resolvers read
        // outside transactions: a session that kept the first event's row would show its old status.
        long customer = events.customer("Events Current Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(report), null), null);

        tickets.transition(Tokens.agent(), report, "IN_PROGRESS", "on it");
        assertEquals("IN_PROGRESS", event(ws).getJsonObject("ticket").getString("status"));
        tickets.transition(Tokens.agent(), report, "PENDING", "waiting for the customer");
        assertEquals("PENDING", event(ws).getJsonObject("ticket").getString("status"));
    }

    @Test
    void creationIsAChangeFromNoStatus() throws Exception {
        long customer = events.customer("Events Create Ltd");
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, null, gid(customer)), null);
        String report = tickets.problemReport(Tokens.agent(), customer);

        JsonObject event = event(ws);
        assertEquals(report, event.getString("ticketId"));
        assertNull(event.getValue("previousStatus"));
        assertEquals("ACKNOWLEDGED", event.getString("status"));
        assertEquals("agent@supportgraph.dev", event.getString("actor"));
        ws.assertSilent(QUIET);
    }

    @Test
    void filtersByKindTicketAndCustomer() throws Exception {
        long customer = events.customer("Events Filter Ltd");
        long other = events.customer("Events Filter Other Ltd");
        String a = tickets.problemReport(Tokens.agent(), customer);
        String b = tickets.problemReport(Tokens.agent(), other);
        String trouble = tickets.serviceTrouble(Tokens.sre());
        GraphQLWebSocket byKind = subscribed(Tokens.sre(), null, TRANSPORT_WS,
                filter(List.of("SERVICE_TROUBLE"), List.of(trouble, a, b), null), null);
        GraphQLWebSocket byTicket = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(a), null), null);
        GraphQLWebSocket byCustomer = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, null, gid(customer)), null);

        tickets.transition(Tokens.agent(), b, "IN_PROGRESS", null);
        tickets.transition(Tokens.sre(), trouble, "IN_PROGRESS", null);
        tickets.transition(Tokens.agent(), a, "IN_PROGRESS", null);

        JsonObject troubleEvent = event(byKind);
        assertEquals(trouble, troubleEvent.getString("ticketId"));
        assertEquals("SERVICE_TROUBLE", troubleEvent.getString("kind"));
        assertNull(troubleEvent.getValue("customer"));
        assertEquals(trouble, troubleEvent.getJsonObject("ticket").getString("id"), "staff see the trouble itself");
        assertEquals(a, event(byTicket).getString("ticketId"));
        assertEquals(a, event(byCustomer).getString("ticketId"));
        for (GraphQLWebSocket ws : List.of(byKind, byTicket, byCustomer)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void portalCustomerOnlyEverReceivesOwnProblemReports() throws Exception {
        long mine = events.customer("Events Portal Ltd");
        long theirs = events.customer("Events Portal Other Ltd");
        String myReport = tickets.problemReport(Tokens.agent(), mine);
        String theirReport = tickets.problemReport(Tokens.agent(), theirs);
        String serviceTrouble = tickets.serviceTrouble(Tokens.sre());
        String resourceTrouble = tickets.resourceTrouble(Tokens.sre(), events.resource());
        String token = Tokens.customer(mine);
        // The token comes in the connection_init payload here, as browsers send it.
        GraphQLWebSocket everything = subscribed(null, token, TRANSPORT_WS, null, null);
        GraphQLWebSocket otherCustomer = subscribed(null, token, TRANSPORT_WS, filter(null, null, gid(theirs)), null);
        GraphQLWebSocket otherTicket = subscribed(null, token, TRANSPORT_WS, filter(null, List.of(theirReport), null), null);
        GraphQLWebSocket troubles = subscribed(null, token, TRANSPORT_WS,
                filter(List.of("SERVICE_TROUBLE", "RESOURCE_TROUBLE"), null, null), null);

        tickets.transition(Tokens.agent(), theirReport, "IN_PROGRESS", null);
        tickets.transition(Tokens.sre(), serviceTrouble, "IN_PROGRESS", null);
        tickets.transition(Tokens.sre(), resourceTrouble, "IN_PROGRESS", null);
        tickets.transition(Tokens.agent(), myReport, "IN_PROGRESS", null);

        JsonObject own = event(everything);
        assertEquals(myReport, own.getString("ticketId"));
        assertEquals("Events Portal Ltd", own.getJsonObject("customer").getString("name"));
        assertEquals(myReport, own.getJsonObject("ticket").getString("id"), "loaded in the subscriber's own scope");
        for (GraphQLWebSocket ws : List.of(everything, otherCustomer, otherTicket, troubles)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void everySubscriberGetsItsOwnSelectionInItsOwnScopeEventAfterEvent() throws Exception {
        long customer = events.customer("Events Shared Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        tickets.note(Tokens.agent(), report, "for everyone", "PUBLIC");
        tickets.note(Tokens.agent(), report, "staff only", "INTERNAL");
        Map<String, Object> byTicket = filter(null, List.of(report), null);
        GraphQLWebSocket agent = subscribed(Tokens.agent(), null, TRANSPORT_WS, WITH_NOTES, byTicket, null);
        GraphQLWebSocket sameAgain = subscribed(Tokens.agent(), null, TRANSPORT_WS, WITH_NOTES, filter(null, null, gid(customer)), null);
        GraphQLWebSocket sre = subscribed(Tokens.sre(), null, TRANSPORT_WS, WITH_NOTES, byTicket, null);
        GraphQLWebSocket portal = subscribed(null, Tokens.customer(customer), TRANSPORT_WS, WITH_NOTES, byTicket, null);
        GraphQLWebSocket narrow = subscribed(Tokens.agent(), null, TRANSPORT_WS, NARROW, byTicket, null);

        for (String status : List.of("IN_PROGRESS", "HELD")) {
            tickets.transition(Tokens.agent(), report, status, null);
            String eventId = EventId.encode(events.eventIds(TicketKind.PROBLEM_REPORT, key(report)).getLast());
            for (GraphQLWebSocket staff : List.of(agent, sameAgain, sre)) {
                assertEquals(withNotes(eventId, status, "for everyone", "staff only"), event(staff), status);
            }
            assertEquals(withNotes(eventId, status, "for everyone"), event(portal), "portal users see public notes only");
            assertEquals(new JsonObject().put("id", eventId).put("now", new JsonObject().put("status", status)), event(narrow));
        }
        for (GraphQLWebSocket ws : List.of(agent, sameAgain, sre, portal, narrow)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void subscribersWithTheSameSelectionAndScopeShareOneRenderingOfAnEvent() throws Exception {
        long customer = events.customer("Events Rendered Once Ltd");
        String report = tickets.problemReport(Tokens.agent(), customer);
        tickets.note(Tokens.agent(), report, "for everyone", "PUBLIC");
        List<GraphQLWebSocket> subscribers = new ArrayList<>();
        subscribers.add(subscribed(Tokens.agent(), null, TRANSPORT_WS, WITH_NOTES, filter(null, List.of(report), null), null));
        // Unmeasured: what the process does once (e.g. learning the agent's id, which test ran first decides).
        statementsUntilDelivered(report, "IN_PROGRESS", subscribers);
        long one = statementsUntilDelivered(report, "HELD", subscribers);

        // Other filters (root arguments), same selection and read scope: the rendering is shared.
        subscribers.add(subscribed(Tokens.agent(), null, TRANSPORT_WS, WITH_NOTES, filter(null, null, gid(customer)), null));
        subscribers.add(subscribed(Tokens.agent(), null, TRANSPORT_WS, WITH_NOTES, null, null));
        statementsUntilDelivered(report, "IN_PROGRESS", subscribers);
        assertEquals(one, statementsUntilDelivered(report, "HELD", subscribers), "three alike cost what one costs");

        // Another read scope renders on its own: its batch fields load again, in its scope.
        subscribers.add(subscribed(null, Tokens.customer(customer), TRANSPORT_WS, WITH_NOTES, filter(null, List.of(report), null), null));
        statementsUntilDelivered(report, "IN_PROGRESS", subscribers);
        assertTrue(statementsUntilDelivered(report, "HELD", subscribers) > one, "a portal user's rendering is its own");
    }

    /** The statements Hibernate prepared for a change of the report until every subscriber received it. */
    private long statementsUntilDelivered(String report, String status, List<GraphQLWebSocket> subscribers) {
        return statements.count(() -> {
            tickets.transition(Tokens.agent(), report, status, null);
            try {
                for (GraphQLWebSocket ws : subscribers) {
                    assertEquals(status, event(ws).getString("status"));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonObject withNotes(String eventId, String status, String... notes) {
        JsonArray expected = new JsonArray();
        for (String note : notes) {
            expected.add(new JsonObject().put("body", note));
        }
        return new JsonObject().put("eventId", eventId).put("status", status)
                .put("customer", new JsonObject().put("name", "Events Shared Ltd"))
                .put("ticket", new JsonObject().put("status", status).put("notes", expected));
    }

    /** SmallRye's subscription metrics still see each subscription start and end (LeanSubscriptionFetcher). */
    @Test
    void smallRyesSubscriptionGaugeFollowsTheSubscription() throws Exception {
        double before = smallRyeSubscriptions();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, null, null), null);
        await(TicketStatusSubscriptionTest::smallRyeSubscriptions, before + 1, "SmallRye's open subscriptions");
        ws.close();
        sockets.remove(ws);
        await(TicketStatusSubscriptionTest::smallRyeSubscriptions, before, "SmallRye's open subscriptions");
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
        String trouble = tickets.resourceTrouble(Tokens.sre(), events.resource());
        tickets.transition(Tokens.sre(), trouble, "IN_PROGRESS", null);
        tickets.transition(Tokens.sre(), trouble, "HELD", null);
        List<Long> missed = events.eventIds(TicketKind.RESOURCE_TROUBLE, key(trouble));
        GraphQLWebSocket ws = subscribed(Tokens.sre(), null, TRANSPORT_WS,
                filter(null, List.of(trouble), null), EventId.encode(missed.getFirst()));

        JsonObject started = event(ws);
        assertEquals(EventId.encode(missed.get(1)), started.getString("eventId"));
        assertEquals("IN_PROGRESS", started.getString("status"));
        assertEquals(EventId.encode(missed.get(2)), event(ws).getString("eventId"));
        tickets.transition(Tokens.sre(), trouble, "RESOLVED", null);
        JsonObject live = event(ws);
        assertEquals(EventId.encode(events.eventIds(TicketKind.RESOURCE_TROUBLE, key(trouble)).getLast()), live.getString("eventId"));
        assertEquals("HELD", live.getString("previousStatus"));
        assertEquals("RESOLVED", live.getString("status"));
        ws.assertSilent(QUIET);
    }

    @Test
    void legacyGraphqlWsProtocolIsServedToo() throws Exception {
        String trouble = tickets.serviceTrouble(Tokens.sre());
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, LEGACY_WS, filter(null, List.of(trouble), null), null);
        tickets.transition(Tokens.sre(), trouble, "CANCELLED", null);
        assertEquals("CANCELLED", event(ws).getString("status"));
    }

    @Test
    void everyEventArrivesOnceAndInOrderWhileTheListenerConnectionIsKilled() throws Exception {
        String trouble = tickets.serviceTrouble(Tokens.sre());
        tickets.transition(Tokens.sre(), trouble, "IN_PROGRESS", null);
        int before = events.eventIds(TicketKind.SERVICE_TROUBLE, key(trouble)).size();
        GraphQLWebSocket ws = subscribed(Tokens.agent(), null, TRANSPORT_WS, filter(null, List.of(trouble), null), null);

        int changes = 40;
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < changes; i++) {
                    tickets.transition(Tokens.sre(), trouble, i % 2 == 0 ? "HELD" : "IN_PROGRESS", null);
                    if (i % 10 == 5) {
                        assertTrue(events.killListener(config.applicationName()) > 0, "the listener was connected");
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<JsonObject> received = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            received.add(event(ws));
        }
        producer.join();
        List<Long> committed = events.eventIds(TicketKind.SERVICE_TROUBLE, key(trouble));
        assertEquals(committed.subList(before, committed.size()).stream().map(EventId::encode).toList(),
                received.stream().map(e -> e.getString("eventId")).toList());
        for (int i = 0; i < changes; i++) {
            assertEquals(i % 2 == 0 ? "HELD" : "IN_PROGRESS", received.get(i).getString("status"), "change " + i);
        }
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
        return subscribed(headerToken, initToken, protocol, SUBSCRIPTION, filter, after);
    }

    private GraphQLWebSocket subscribed(String headerToken, String initToken, String protocol, String subscription,
                                        Map<String, Object> filter, String after) throws Exception {
        int expected = (int) activeSubscriptions() + 1;
        GraphQLWebSocket ws = open(headerToken, protocol).init(initToken);
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("after", after);
        ws.subscribe("1", subscription, variables);
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
        return ws.nextData("1", "ticketStatusChanged", WAIT);
    }

    private double activeSubscriptions() {
        return registry.get("supportgraph.subscriptions.active").gauge().value();
    }

    private void awaitActiveSubscriptions(int expected) throws InterruptedException {
        await(this::activeSubscriptions, expected, "active subscriptions");
    }

    /** SmallRye's gauge of open ticketStatusChanged subscriptions (in the global registry, absent before the first). */
    private static double smallRyeSubscriptions() {
        Gauge gauge = Metrics.globalRegistry.find("mp_graphql_subscription").tag("name", "ticketStatusChanged").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static void await(DoubleSupplier gauge, double expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gauge.getAsDouble() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, gauge.getAsDouble(), what);
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

    /** The database id of a ticket's global id. */
    static long key(String ticketId) {
        return GlobalId.decode(ticketId).id();
    }

    static String gid(long customerId) {
        return GlobalId.encode("Customer", customerId);
    }
}
