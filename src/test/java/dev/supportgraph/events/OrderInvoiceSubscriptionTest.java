package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.subscription.InvoiceEventFilter;
import dev.supportgraph.subscription.OrderEventFilter;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** orderStateChanged and invoiceStateChanged over real WebSockets, fed by the order and invoice mutations over HTTP. */
@QuarkusTest
class OrderInvoiceSubscriptionTest {

    static final String ORDERS = """
            subscription($filter: OrderEventFilter, $after: String) {
              orderStateChanged(filter: $filter, after: $after) {
                eventId orderId number previousState state reason actor occurredAt order { id state }
              }
            }""";
    static final String INVOICES = """
            subscription($filter: InvoiceEventFilter, $after: String) {
              invoiceStateChanged(filter: $filter, after: $after) {
                eventId invoiceId number previousState state reason actor occurredAt invoice { id state }
              }
            }""";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    TicketEvents events;

    @Inject
    DataSource ds;

    @Inject
    MeterRegistry registry;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws InterruptedException {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
        awaitActiveSubscriptions(0);
    }

    @Test
    void anOrderTransitionReachesStaffAndTheOwnerButNoOtherCustomer() throws Exception {
        long mine = events.customer("Orders Mine Ltd");
        long theirs = events.customer("Orders Theirs Ltd");
        long order = order(mine);
        GraphQLWebSocket agent = subscribed(Tokens.agent(), ORDERS, filter(mine, null), null);
        GraphQLWebSocket sre = subscribed(Tokens.sre(), ORDERS, filter(mine, List.of("IN_PROGRESS")), null);
        GraphQLWebSocket owner = subscribed(Tokens.customer(mine), ORDERS, null, null);
        GraphQLWebSocket other = subscribed(Tokens.customer(theirs), ORDERS, null, null);
        GraphQLWebSocket otherNamingMine = subscribed(Tokens.customer(theirs), ORDERS, filter(mine, null), null);
        GraphQLWebSocket integration = subscribed(Tokens.integration(), ORDERS, null, null);
        GraphQLWebSocket heldOnly = subscribed(Tokens.agent(), ORDERS, filter(mine, List.of("HELD")), null);

        orderTo(order, 0, "IN_PROGRESS", "provisioning");

        for (GraphQLWebSocket ws : List.of(agent, sre, owner)) {
            assertChange(ws.nextData("1", "orderStateChanged", WAIT), "order", "ProductOrder", order, "ACKNOWLEDGED>IN_PROGRESS", "provisioning");
            ws.assertSilent(QUIET);
        }
        for (GraphQLWebSocket ws : List.of(other, otherNamingMine, integration, heldOnly)) {
            ws.assertSilent(QUIET);
        }
    }

    @Test
    void ordersReplayAfterAnEventIdThenContinueLiveWithinTheSubscribersScope() throws Exception {
        long mine = events.customer("Orders Replay Ltd");
        long theirs = events.customer("Orders Replay Other Ltd");
        long order = order(mine);
        orderTo(order, 0, "IN_PROGRESS", null);
        orderTo(order, 1, "HELD", "waiting for a technician");
        String first = eventId("ORDER", order, 0);
        GraphQLWebSocket agent = subscribed(Tokens.agent(), ORDERS, filter(mine, null), first);
        GraphQLWebSocket other = subscribed(Tokens.customer(theirs), ORDERS, null, first);

        JsonObject replayed = agent.nextData("1", "orderStateChanged", WAIT);
        assertEquals(eventId("ORDER", order, 1), replayed.getString("eventId"));
        assertEquals("IN_PROGRESS", replayed.getString("previousState"));
        assertEquals("HELD", replayed.getString("state"));
        assertEquals("waiting for a technician", replayed.getString("reason"));
        // The order as it is now, not as it was then.
        assertEquals("HELD", replayed.getJsonObject("order").getString("state"));
        orderTo(order, 2, "IN_PROGRESS", null);
        JsonObject live = agent.nextData("1", "orderStateChanged", WAIT);
        assertEquals(eventId("ORDER", order, 2), live.getString("eventId"));
        assertEquals("HELD", live.getString("previousState"));
        agent.assertSilent(QUIET);
        other.assertSilent(QUIET);
    }

    @Test
    void invoiceTransitionsReachStaffAndTheOwnerOnlyAndReplayAfterAnEventId() throws Exception {
        long mine = events.customer("Invoices Mine Ltd");
        long theirs = events.customer("Invoices Theirs Ltd");
        long invoice = invoice(mine);
        GraphQLWebSocket agent = subscribed(Tokens.agent(), INVOICES, filter(mine, null), null);
        GraphQLWebSocket owner = subscribed(Tokens.customer(mine), INVOICES, null, null);
        GraphQLWebSocket other = subscribed(Tokens.customer(theirs), INVOICES, null, null);
        GraphQLWebSocket integration = subscribed(Tokens.integration(), INVOICES, null, null);

        invoiceTo(invoice, 0, "VALIDATED", "checked");

        for (GraphQLWebSocket ws : List.of(agent, owner)) {
            assertChange(ws.nextData("1", "invoiceStateChanged", WAIT), "invoice", "Invoice", invoice, "NEW>VALIDATED", "checked");
            ws.assertSilent(QUIET);
        }
        other.assertSilent(QUIET);
        integration.assertSilent(QUIET);

        invoiceTo(invoice, 1, "SENT", null);
        String validated = eventId("INVOICE", invoice, 0);
        GraphQLWebSocket replaying = subscribed(Tokens.customer(mine), INVOICES, filter(null, List.of("SENT")), validated);
        JsonObject replayed = replaying.nextData("1", "invoiceStateChanged", WAIT);
        assertEquals(eventId("INVOICE", invoice, 1), replayed.getString("eventId"));
        assertEquals("SENT", replayed.getString("state"));
        assertNull(replayed.getValue("reason"));
        replaying.assertSilent(QUIET);
    }

    /**
     * The latest event of the object {@code <field>Id}, a change {@code from>to} by the agent, with
     * the object as it is now (in {@code to}).
     */
    private void assertChange(JsonObject event, String field, String type, long key, String change, String reason) {
        String id = GlobalId.encode(type, key);
        String[] states = change.split(">");
        assertEquals(eventId(field.toUpperCase(), key, -1), event.getString("eventId"));
        assertEquals(id, event.getString(field + "Id"));
        assertEquals(states[0], event.getString("previousState"));
        assertEquals(states[1], event.getString("state"));
        assertEquals(reason, event.getString("reason"));
        assertEquals("agent@supportgraph.dev", event.getString("actor"));
        assertEquals(new JsonObject().put("id", id).put("state", states[1]), event.getJsonObject(field));
    }

    /** A fresh order of the customer in ACKNOWLEDGED with one open item (version 0). */
    private long order(long customer) {
        long order = Sql.exec(ds, "insert into product_order (customer_id, state) values (?, 'ACKNOWLEDGED') returning id", customer);
        Sql.exec(ds, """
                insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price, currency, state)
                values (?, ?, 1, 'Fibre 1G', 1, 50.00, 'EUR', 'ACKNOWLEDGED') returning id""", order, customer);
        return order;
    }

    /** A fresh NEW invoice of the customer (version 0). */
    private long invoice(long customer) {
        return Sql.exec(ds, """
                insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency, total_amount)
                values (?, 'NEW', date '2025-01-31', date '2025-01-01', date '2025-01-31', date '2025-02-28', 'EUR', 100.00)
                returning id""", customer);
    }

    private static void orderTo(long order, int version, String state, String reason) {
        transition("orderTransition", "productOrder", "ProductOrder", order, version, state, reason);
    }

    private static void invoiceTo(long invoice, int version, String state, String reason) {
        transition("invoiceTransition", "invoice", "Invoice", invoice, version, state, reason);
    }

    private static void transition(String mutation, String object, String type, long key, int version, String state, String reason) {
        String input = "{id: \"" + GlobalId.encode(type, key) + "\", expectedVersion: " + version + ", to: " + state
                + (reason == null ? "" : ", reason: \"" + reason + "\"") + "}";
        var payload = GraphQLClient.mutate(Tokens.agent(), mutation, input, object + " { state }");
        assertEquals(List.of(), payload.getList("userErrors"));
        assertEquals(state, payload.getString(object + ".state"));
    }

    /** The eventId of an object's event number {@code index} (negative: from the end), in commit order. */
    private String eventId(String aggregate, long key, int index) {
        List<Long> ids = Sql.rows(ds, "select id from outbox_event where aggregate = ? and aggregate_id = ? order by id", aggregate, key)
                .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        return EventId.encode(ids.get(index < 0 ? ids.size() + index : index));
    }

    private GraphQLWebSocket subscribed(String token, String subscription, Map<String, Object> filter, String after) throws Exception {
        int expected = (int) activeSubscriptions() + 1;
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, token);
        sockets.add(ws);
        ws.init(null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("after", after);
        ws.subscribe("1", subscription, variables);
        // subscribe has no acknowledgement: wait until the server has registered it.
        awaitActiveSubscriptions(expected);
        return ws;
    }

    private static Map<String, Object> filter(Long customer, List<String> states) {
        Map<String, Object> filter = new HashMap<>();
        if (customer != null) {
            filter.put("customerId", GlobalId.encode("Customer", customer));
        }
        if (states != null) {
            filter.put("states", states);
        }
        return filter;
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
}
