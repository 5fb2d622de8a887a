package dev.supportgraph.webhook;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Concurrently;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end (docs/webhooks.md): outbox events fanned out by the consumer, delivered over
 * real HTTP to a receiver that checks every signature, through outages, 500s, the dead-letter
 * state and an admin replay, by two concurrent "replicas", with portal scoping.
 */
@QuarkusTest
class WebhookTest {

    private static Receiver receiver;

    @Inject
    DataSource ds;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    WebhookSender sender;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliversEachEventOnceInOrderAcrossAnOutage() throws Exception {
        String path = "/outage";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        receiver.down();
        for (int round = 0; round < 5; round++) {
            for (long order = 1; order <= 4; order++) {
                event("ORDER_STATE_CHANGED", "ORDER", 910_000 + order, c, round % 2 == 0 ? "IN_PROGRESS" : "PENDING");
            }
        }
        for (int i = 0; i < 5; i++) {
            pump();
            sleep(100);
        }
        assertEquals(0, receiver.firsts(path).size());
        assertTrue(Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and last_error is not null", listener) > 0,
                "attempts failed while the receiver was down");
        receiver.up();
        pumpUntil(() -> receiver.firsts(path).size() >= 20);
        for (int i = 0; i < 3; i++) {
            pump();
        }
        assertOnceInOrder(receiver.at(path), 20);
        assertEquals(20, Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and status = 'DELIVERED'", listener));
    }

    @Test
    void deadLettersAfterTheAgeAndAnAdminReplays() {
        String path = "/failing";
        receiver.failing(path, true);
        long listener = listen(path, "[CUSTOMER_BILL_STATE_CHANGE]", customer());
        event("INVOICE_STATE_CHANGED", "INVOICE", 920_001, customerOf(listener), "SENT");
        pumpUntil(() -> Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and status = 'DEAD'", listener) == 1);
        assertTrue(Sql.count(ds, "select attempts from webhook_delivery where listener_id = ?", listener) > 1, "retried before giving up");
        assertEquals(0, receiver.firsts(path).size());
        JsonPath listed = GraphQLClient.post(Tokens.admin(), "{ eventListeners(last: 100) { edges { node { id deadDeliveries pendingDeliveries } } } }")
                .statusCode(200).extract().jsonPath();
        assertEquals(1, (int) listed.<Integer>getList("data.eventListeners.edges.node.findAll { it.id == '" + gid("EventListener", listener) + "' }.deadDeliveries").getFirst());

        receiver.failing(path, false);
        String input = "{id: \"" + gid("EventListener", listener) + "\", expectedVersion: 0}";
        assertEquals(List.of("FORBIDDEN"), GraphQLClient.mutate(Tokens.agent(), "eventListenerReplay", input, "replayed").getList("userErrors.code"));
        JsonPath replay = GraphQLClient.mutate(Tokens.admin(), "eventListenerReplay", input, "replayed eventListener { pendingDeliveries }");
        assertEquals(List.of(), replay.getList("userErrors"));
        assertEquals(1, replay.getInt("replayed"));
        pumpUntil(() -> receiver.firsts(path).size() >= 1);
        pump();
        assertOnceInOrder(receiver.at(path), 1);
        assertEquals("CustomerBillStateChangeEvent", receiver.firsts(path).getFirst().eventType());
        assertEquals("sent", receiver.firsts(path).getFirst().event().getJsonObject("customerBill").getString("state"));
    }

    @Test
    void twoReplicasDeliverEachEventOnce() throws Exception {
        String path = "/replicas";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        for (int i = 0; i < 200; i++) {
            event("ORDER_STATE_CHANGED", "ORDER", 930_000 + i % 20, c, "IN_PROGRESS");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Runnable replica = () -> {
            while (receiver.firsts(path).size() < 200 && System.nanoTime() < deadline) {
                pump();
            }
            pump();
        };
        Concurrently.run(Duration.ofSeconds(90), replica, replica);
        assertOnceInOrder(receiver.at(path), 200);
        assertEquals(200, Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ?", listener), "fanned out once");
        assertEquals(0, Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and attempts <> 1 and last_error is null",
                listener), "a delivery is claimed again only after a failed attempt, never by two replicas at once");
    }

    @Test
    void aReceiverSlowerThanTheTimeoutOnceGetsOneRetryAndNothingMore() {
        String path = "/slow";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        // Answered after the read timeout (3 s in the test profile): the sender has given up, the receiver has it.
        receiver.slowOnce(path, 4_000);
        event("ORDER_STATE_CHANGED", "ORDER", 935_001, c, "IN_PROGRESS");
        event("ORDER_STATE_CHANGED", "ORDER", 935_001, c, "COMPLETED");
        pumpUntil(() -> Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and status = 'DELIVERED'", listener) == 2);
        sleep(1_500);
        for (int i = 0; i < 5; i++) {
            pump();
        }
        List<String> ids = receiver.at(path).stream().map(Receiver.Delivery::eventId).toList();
        assertEquals(3, ids.size(), ids::toString);
        assertEquals(List.of(ids.getFirst(), ids.getFirst()), ids.subList(0, 2), "the slow one once more, nothing else before it");
        assertEquals("completed", receiver.at(path).getLast().event().getJsonObject("productOrder").getString("state"));
        assertEquals(List.of(2, 1), Sql.rows(ds, "select attempts from webhook_delivery where listener_id = ? order by id", listener).stream()
                .map(r -> ((Number) r.get("attempts")).intValue()).toList(), "one retry of the slow one, the other sent once");
        assertOnceInOrder(receiver.at(path), 2);
    }

    @Test
    void twoReplicasSendManyResourcesConcurrentlyEachInOrder() throws Exception {
        String path = "/concurrent";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        // Answers take up to 20 ms at random: concurrent sends finish in any order, a resource's must not.
        receiver.jitter(path, 20);
        for (int i = 0; i < 300; i++) {
            event("ORDER_STATE_CHANGED", "ORDER", 936_000 + i % 10, c, i % 2 == 0 ? "IN_PROGRESS" : "PENDING");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Runnable replica = () -> {
            while (receiver.at(path).size() < 300 && System.nanoTime() < deadline) {
                pump();
            }
        };
        Concurrently.run(Duration.ofSeconds(90), replica, replica);
        pump();
        assertEquals(300, receiver.at(path).size(), "no repeats: nothing failed");
        assertOnceInOrder(receiver.at(path), 300);
    }

    @Test
    void aSlowResourceDoesNotHoldBackTheOthers() {
        String path = "/isolated";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        // Answered after 2.5 s (within the 3 s read timeout of the test profile): in flight all that time.
        receiver.slowResource(gid("ProductOrder", 939_001), 2_500);
        event("ORDER_STATE_CHANGED", "ORDER", 939_001, c, "IN_PROGRESS");
        // The sender's own pipeline (as on a NOTIFY), which keeps running while the slow send is in flight.
        sender.wake();
        pumplessUntil(() -> receiver.at(path).size() == 1);
        event("ORDER_STATE_CHANGED", "ORDER", 939_002, c, "IN_PROGRESS");
        event("ORDER_STATE_CHANGED", "ORDER", 939_002, c, "COMPLETED");
        sender.wake();
        pumplessUntil(() -> receiver.at(path).size() == 3);
        assertEquals(1, Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and status = 'PENDING' and resource_key = 'ORDER:939001'",
                listener), "the other order's events arrived while the slow one was still unanswered");
        pumplessUntil(() -> Sql.count(ds, "select count(*) from webhook_delivery where listener_id = ? and status = 'DELIVERED'", listener) == 3);
        assertOnceInOrder(receiver.at(path), 3);
    }

    @Test
    void aMalformedEventIsSkippedAndTheOnesBehindItAreDelivered() {
        String path = "/poison";
        long listener = listen(path, "[PRODUCT_ORDER_STATE_CHANGE]", customer());
        long c = customerOf(listener);
        double before = registry.counter("supportgraph.outbox.consumer.skipped", "consumer", WebhookFanOut.CONSUMER).count();
        event("ORDER_STATE_CHANGED", "ORDER", 937_001, c, null);
        event("ORDER_STATE_CHANGED", "ORDER", 937_001, c, "COMPLETED");
        pumpUntil(() -> receiver.firsts(path).size() >= 1);
        pump();
        assertOnceInOrder(receiver.at(path), 1);
        assertEquals("completed", receiver.at(path).getFirst().event().getJsonObject("productOrder").getString("state"));
        assertEquals(before + 1, registry.counter("supportgraph.outbox.consumer.skipped", "consumer", WebhookFanOut.CONSUMER).count());
    }

    @Test
    void portalListenersReceiveOnlyTheirOwnCustomersEvents() {
        long a = customer();
        long b = customer();
        String path = "/portal";
        String types = "[TROUBLE_TICKET_STATE_CHANGE, PRODUCT_ORDER_STATE_CHANGE]";
        assertEquals(List.of("FORBIDDEN"), register(Tokens.agent(), path, types, null).getList("userErrors.code"));
        JsonPath other = register(Tokens.customer(a), path, types, gid("Customer", b));
        assertEquals(List.of("NOT_FOUND"), other.getList("userErrors.code"));
        JsonPath own = register(Tokens.customer(a), path, types, null);
        assertEquals(List.of(), own.getList("userErrors"));
        assertEquals(gid("Customer", a), own.getString("eventListener.customer.id"));
        receiver.secret(path, own.getString("secret"));
        String id = own.getString("eventListener.id");
        fanOut.run();

        event("ORDER_STATE_CHANGED", "ORDER", 940_001, b, "IN_PROGRESS");
        event("TICKET_STATUS_CHANGED", "SERVICE_TROUBLE", 940_002, null, "IN_PROGRESS");
        event("TICKET_STATUS_CHANGED", "PROBLEM_REPORT", 940_003, a, "IN_PROGRESS");
        event("ORDER_STATE_CHANGED", "ORDER", 940_004, a, "IN_PROGRESS");
        pumpUntil(() -> receiver.firsts(path).size() >= 2);
        pump();
        // Two resources: sent concurrently, in no particular order between them.
        assertEquals(List.of(gid("ProblemReport", 940_003), gid("ProductOrder", 940_004)).stream().sorted().toList(), receiver.firsts(path).stream()
                .map(d -> d.event().getJsonObject(d.eventType().startsWith("Trouble") ? "troubleTicket" : "productOrder").getString("id"))
                .sorted().toList());

        assertEquals(List.of(id), listIds(Tokens.customer(a)).stream().filter(id::equals).toList());
        assertEquals(List.of(), listIds(Tokens.customer(b)).stream().filter(id::equals).toList());
        assertTrue(listIds(Tokens.admin()).contains(id));
        assertEquals(List.of(), listIds(Tokens.agent()));
        String change = "{id: \"" + id + "\", expectedVersion: 0}";
        assertEquals(List.of("NOT_FOUND"), GraphQLClient.mutate(Tokens.customer(b), "eventListenerPause", change, "eventListener { state }")
                .getList("userErrors.code"));

        JsonPath paused = GraphQLClient.mutate(Tokens.customer(a), "eventListenerPause", change, "eventListener { state version }");
        assertEquals("PAUSED", paused.getString("eventListener.state"));
        event("ORDER_STATE_CHANGED", "ORDER", 940_004, a, "COMPLETED");
        for (int i = 0; i < 3; i++) {
            pump();
        }
        assertEquals(2, receiver.firsts(path).size(), "a paused listener is not sent to");
        JsonPath resumed = GraphQLClient.mutate(Tokens.customer(a), "eventListenerResume",
                "{id: \"" + id + "\", expectedVersion: " + paused.getInt("eventListener.version") + "}", "eventListener { state pendingDeliveries version }");
        assertEquals("ACTIVE", resumed.getString("eventListener.state"));
        assertEquals(1, resumed.getInt("eventListener.pendingDeliveries"));
        pumpUntil(() -> receiver.firsts(path).size() >= 3);
        assertEquals("completed", receiver.firsts(path).getLast().event().getJsonObject("productOrder").getString("state"));

        JsonPath deleted = GraphQLClient.mutate(Tokens.customer(a), "eventListenerDelete",
                "{id: \"" + id + "\", expectedVersion: " + resumed.getInt("eventListener.version") + "}", "eventListener { id }");
        assertEquals(List.of(), deleted.getList("userErrors"));
        assertEquals(0, Sql.count(ds, "select count(*) from webhook_listener where id = ?", GlobalId.decode("EventListener", id)));
    }

    @Test
    void invalidRegistrationsAreUserErrorsAndChangeNothing() {
        long before = Sql.count(ds, "select count(*) from webhook_listener");
        for (String url : List.of("ftp://example.com/hook", "http://", "not a url", "http://user:pw@example.com/x")) {
            JsonPath refused = register(Tokens.admin(), url, "[PRODUCT_ORDER_STATE_CHANGE]", null);
            assertEquals(List.of("BAD_USER_INPUT"), refused.getList("userErrors.code"), url);
            assertEquals(List.of(List.of("input", "callbackUrl")), refused.getList("userErrors.field"), url);
        }
        JsonPath noTypes = register(Tokens.admin(), receiver.url("/x"), "[]", null);
        assertEquals(List.of(List.of("input", "eventTypes")), noTypes.getList("userErrors.field"));
        JsonPath unknownCustomer = register(Tokens.integration(), receiver.url("/x"), "[PRODUCT_ORDER_STATE_CHANGE]", gid("Customer", 987_654_321));
        assertEquals(List.of("NOT_FOUND"), unknownCustomer.getList("userErrors.code"));
        assertEquals(before, Sql.count(ds, "select count(*) from webhook_listener"));
    }

    @Test
    void ticketTransitionsBecomeTmfTroubleTicketEvents() {
        String path = "/tickets";
        long listener = listen(path, "[TROUBLE_TICKET_STATE_CHANGE, TROUBLE_TICKET_RESOLVED, TROUBLE_TICKET_INFORMATION_REQUIRED]", customer());
        long report = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status) "
                + "values (?, 'Slow', 'MINOR', 'LOW', 'PORTAL', 'IN_PROGRESS') returning id", customerOf(listener));
        String id = gid("ProblemReport", report);
        int version = 0;
        for (String to : List.of("PENDING", "IN_PROGRESS", "RESOLVED")) {
            JsonPath moved = GraphQLClient.mutate(Tokens.agent(), "problemReportTransition",
                    "{id: \"" + id + "\", expectedVersion: " + version++ + ", to: " + to + (to.equals("RESOLVED") ? ", resolution: \"Fixed\"" : ", reason: \"test\"") + "}", "problemReport { status }");
            assertEquals(List.of(), moved.getList("userErrors"), moved::prettify);
        }
        pumpUntil(() -> receiver.firsts(path).size() >= 5);
        pump();
        List<Receiver.Delivery> got = receiver.firsts(path);
        assertEquals(List.of("TroubleTicketStateChangeEvent", "TroubleTicketInformationRequiredEvent", "TroubleTicketStateChangeEvent",
                "TroubleTicketStateChangeEvent", "TroubleTicketResolvedEvent"), got.stream().map(Receiver.Delivery::eventType).toList());
        assertEquals(List.of("pending", "pending", "inProgress", "resolved", "resolved"),
                got.stream().map(d -> d.event().getJsonObject("troubleTicket").getString("status")).toList());
        assertTrue(got.stream().allMatch(d -> id.equals(d.event().getJsonObject("troubleTicket").getString("id"))));
        assertOnceInOrder(receiver.at(path), 5);
    }

    @Test
    void listenersArePagedAndFilteredWithinThePortalUsersOwn() {
        long c = customer();
        String token = Tokens.customer(c);
        String orders = register(token, "/paged", "[PRODUCT_ORDER_STATE_CHANGE]", null).getString("eventListener.id");
        String bills = register(token, "/paged", "[CUSTOMER_BILL_STATE_CHANGE, TROUBLE_TICKET_STATE_CHANGE]", null).getString("eventListener.id");
        String paused = register(token, "/paged", "[PRODUCT_ORDER_STATE_CHANGE]", null).getString("eventListener.id");
        assertEquals(List.of(), GraphQLClient.mutate(token, "eventListenerPause", "{id: \"" + paused + "\", expectedVersion: 0}", "eventListener { state }")
                .getList("userErrors"));
        register(Tokens.customer(customer()), "/paged", "[PRODUCT_ORDER_STATE_CHANGE]", null);

        JsonPath first = listPage(token, "first: 2");
        assertEquals(List.of(orders, bills), first.getList("edges.node.id"));
        assertEquals(3, first.getInt("totalCount"));
        assertTrue(first.getBoolean("pageInfo.hasNextPage"));
        JsonPath rest = listPage(token, "first: 2, after: \"" + first.getString("pageInfo.endCursor") + "\"");
        assertEquals(List.of(paused), rest.getList("edges.node.id"));
        assertFalse(rest.getBoolean("pageInfo.hasNextPage"));
        assertTrue(rest.getBoolean("pageInfo.hasPreviousPage"));

        assertEquals(List.of(paused), listPage(token, "filter: {state: [PAUSED]}").getList("edges.node.id"));
        assertEquals(List.of(bills), listPage(token, "filter: {eventType: [CUSTOMER_BILL_STATE_CHANGE, TROUBLE_TICKET_RESOLVED]}").getList("edges.node.id"));
        assertEquals(List.of(orders), listPage(token, "filter: {state: [ACTIVE], eventType: [PRODUCT_ORDER_STATE_CHANGE]}").getList("edges.node.id"));
        assertEquals(0, listPage(Tokens.agent(), "first: 5").getInt("totalCount"));

        JsonPath tooMany = GraphQLClient.post(token, "{ eventListeners(first: 101) { edges { cursor } } }").statusCode(200).extract().jsonPath();
        assertEquals(List.of("BAD_USER_INPUT"), tooMany.getList("errors.extensions.code"), tooMany::prettify);
    }

    private static JsonPath listPage(String token, String arguments) {
        JsonPath json = GraphQLClient.post(token, "{ eventListeners(" + arguments + ") { totalCount edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }")
                .statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), json::prettify);
        return json.setRootPath("data.eventListeners");
    }

    /** Registers (as admin) a listener of one customer's events at {@code path}; returns its database id. */
    private long listen(String path, String types, long customer) {
        JsonPath registered = register(Tokens.admin(), receiver.url(path), types, gid("Customer", customer));
        assertEquals(List.of(), registered.getList("userErrors"), registered::prettify);
        receiver.secret(path, registered.getString("secret"));
        // The consumer exists (and is caught up) before the test's events are written.
        fanOut.run();
        return GlobalId.decode("EventListener", registered.getString("eventListener.id"));
    }

    private static JsonPath register(String token, String url, String types, String customerId) {
        String input = "{callbackUrl: \"" + (url.startsWith("/") ? receiver.url(url) : url) + "\", eventTypes: " + types
                + (customerId == null ? "" : ", customerId: \"" + customerId + "\"") + ", idempotencyKey: \"" + UUID.randomUUID() + "\"}";
        return GraphQLClient.mutate(token, "eventListenerRegister", input, "secret eventListener { id state customer { id } }");
    }

    private static List<String> listIds(String token) {
        return GraphQLClient.post(token, "{ eventListeners(last: 100) { edges { node { id } } } }").statusCode(200).extract().jsonPath()
                .getList("data.eventListeners.edges.node.id");
    }

    private long customerOf(long listener) {
        return Sql.count(ds, "select customer_id from webhook_listener where id = ?", listener);
    }

    private long customer() {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Hooks Ltd', 'ENTERPRISE', 700) returning id",
                "hook-" + UUID.randomUUID());
    }

    /** A state change event as Outbox writes it. */
    private void event(String type, String aggregate, long aggregateId, Long customer, String to) {
        Sql.exec(ds, """
                insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                values (?, ?, ?, ?, jsonb_build_object('number', null, 'from', null, 'to', ?::text, 'action', 'test', 'reason', null,
                        'actor', 'test', 'at', now()::text)) returning id""", type, aggregate, aggregateId, customer, to);
    }

    private void pump() {
        fanOut.run();
        sender.sendDue();
    }

    private void pumpUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out pumping webhooks");
            pump();
            sleep(50);
        }
    }

    /** Waits for the sender's own pipeline (started by {@link WebhookSender#wake()}), driving nothing. */
    private static void pumplessUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the sender");
            sleep(20);
        }
    }

    /**
     * Exactly {@code count} distinct events (header and body ids agree), each first received in
     * order per resource, all signatures good. A repeat (at least once) must be explained by a
     * failed attempt the database recorded for that delivery (e.g. a send that outlived the read timeout).
     */
    private void assertOnceInOrder(List<Receiver.Delivery> got, int count) {
        assertEquals(List.of(), receiver.badSignatures);
        Map<String, Receiver.Delivery> first = new LinkedHashMap<>();
        for (Receiver.Delivery d : got) {
            assertEquals(d.eventId(), d.headerEventId());
            if (first.putIfAbsent(d.eventId() + " " + d.eventType(), d) != null) {
                assertEquals(1, Sql.count(ds, """
                        select count(*) from webhook_delivery where cast(body as jsonb) ->> 'eventId' = ? and event_type = ?
                        and last_error is not null""", d.eventId(), d.eventType()), () -> "an unexplained repeat of " + d);
            }
        }
        assertEquals(count, first.size(), got::toString);
        Map<String, List<String>> byResource = new LinkedHashMap<>();
        for (Receiver.Delivery d : first.values()) {
            String kind = d.event().fieldNames().iterator().next();
            byResource.computeIfAbsent(kind + d.event().getJsonObject(kind).getString("id"), k -> new ArrayList<>()).add(d.eventId());
        }
        byResource.forEach((resource, ids) -> assertEquals(ids.stream().sorted().toList(), ids, "in order for " + resource));
    }

    private static String gid(String type, long id) {
        return GlobalId.encode(type, id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
