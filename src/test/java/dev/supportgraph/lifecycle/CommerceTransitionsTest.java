package dev.supportgraph.lifecycle;

import dev.supportgraph.billing.InvoiceState;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.order.OrderItemState;
import dev.supportgraph.order.OrderState;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.util.Set;
import java.util.stream.Stream;

import static dev.supportgraph.lifecycle.TransitionWalk.pairs;

/**
 * Walks every (from, to) pair of the order, order item and invoice lifecycles through the real
 * mutations: the row is put into {@code from} with SQL, then the mutation that leads to {@code to}
 * is called. The expected pairs are transcribed from docs/design.md here, independently of the tables.
 */
@QuarkusTest
class CommerceTransitionsTest {

    static final Set<String> ORDER = TransitionWalk.expected("""
            ACKNOWLEDGED>IN_PROGRESS ACKNOWLEDGED>PENDING IN_PROGRESS>PENDING PENDING>IN_PROGRESS
            IN_PROGRESS>HELD HELD>IN_PROGRESS PENDING>CANCELLED HELD>CANCELLED
            IN_PROGRESS>ASSESSING_CANCELLATION PENDING>ASSESSING_CANCELLATION HELD>ASSESSING_CANCELLATION
            ASSESSING_CANCELLATION>IN_PROGRESS ASSESSING_CANCELLATION>PENDING ASSESSING_CANCELLATION>HELD
            ASSESSING_CANCELLATION>PENDING_CANCELLATION PENDING_CANCELLATION>CANCELLED
            IN_PROGRESS>COMPLETED IN_PROGRESS>FAILED IN_PROGRESS>PARTIAL""");

    static final Set<String> INVOICE = TransitionWalk.expected("""
            NEW>VALIDATED VALIDATED>SENT SENT>PARTIALLY_PAID PARTIALLY_PAID>SETTLED SENT>SETTLED
            NEW>ON_HOLD ON_HOLD>NEW VALIDATED>ON_HOLD ON_HOLD>VALIDATED""");

    @Inject
    DataSource ds;

    static Stream<Arguments> orderPairs() {
        return pairs(OrderState.values());
    }

    static Stream<Arguments> itemPairs() {
        return pairs(OrderItemState.values());
    }

    static Stream<Arguments> invoicePairs() {
        return pairs(InvoiceState.values());
    }

    @ParameterizedTest(name = "ProductOrder {0} -> {1}")
    @MethodSource("orderPairs")
    void order(OrderState from, OrderState to) {
        long customer = Fixtures.customer(ds, 800);
        long order = Sql.exec(ds, """
                insert into product_order (customer_id, state, version, updated_at)
                values (?, ?, 3, timestamptz '2020-01-01 00:00Z') returning id""", customer, from.name());
        long open = item(order, customer, 1, OrderItemState.IN_PROGRESS);
        if (to == OrderState.PARTIAL) {
            item(order, customer, 2, OrderItemState.COMPLETED);
        }
        if (from == OrderState.ASSESSING_CANCELLATION) {
            // The state the cancellation was requested from: a decline returns there.
            Sql.exec(ds, "insert into status_change (order_id, customer_id, from_status, to_status, actor) values (?, ?, ?, ?, 'test')",
                    order, customer, to == OrderState.PENDING || to == OrderState.HELD ? to.name() : "IN_PROGRESS",
                    from.name());
        }
        String id = GlobalId.encode("ProductOrder", order);
        String itemId = GlobalId.encode("OrderItem", open);
        JsonPath result = switch (to) {
            case COMPLETED -> mutate("orderItemComplete", "{id: \"" + itemId + "\", expectedVersion: 0}", "productOrder");
            case FAILED, PARTIAL -> mutate("orderItemFail", "{id: \"" + itemId + "\", expectedVersion: 0}", "productOrder");
            case ASSESSING_CANCELLATION -> mutate("orderCancel", "{id: \"" + id + "\", expectedVersion: 3}", "productOrder");
            case PENDING_CANCELLATION -> mutate("orderCancellationAccept", "{id: \"" + id + "\", expectedVersion: 3}", "productOrder");
            default -> from == OrderState.ASSESSING_CANCELLATION && ORDER.contains(from + ">" + to)
                    ? mutate("orderCancellationDecline", "{id: \"" + id + "\", expectedVersion: 3}", "productOrder")
                    : mutate("orderTransition", "{id: \"" + id + "\", expectedVersion: 3, to: " + to + ", reason: \"walk\"}", "productOrder");
        };
        TransitionWalk.verify(ds, ORDER.contains(from + ">" + to), result, "productOrder", "state",
                "product_order", "state", "order_id", order, from.name(), to.name());
    }

    @ParameterizedTest(name = "OrderItem {0} -> {1}")
    @MethodSource("itemPairs")
    void orderItem(OrderItemState from, OrderItemState to) {
        long customer = Fixtures.customer(ds, 800);
        long order = Sql.exec(ds, "insert into product_order (customer_id, state) values (?, 'IN_PROGRESS') returning id", customer);
        long walked = item(order, customer, 1, from);
        item(order, customer, 2, OrderItemState.IN_PROGRESS);
        if (from == OrderItemState.ASSESSING_CANCELLATION) {
            Sql.exec(ds, "insert into status_change (order_item_id, customer_id, from_status, to_status, actor) values (?, ?, ?, ?, 'test')",
                    walked, customer, to == OrderItemState.PENDING || to == OrderItemState.HELD ? to.name() : "IN_PROGRESS",
                    from.name());
        }
        Sql.exec(ds, "update order_item set version = 3 where id = ?", walked);
        JsonPath result = mutate("orderItemTransition", "{id: \"" + GlobalId.encode("OrderItem", walked)
                + "\", expectedVersion: 3, to: " + to + "}", "orderItem");
        // Items have the order's table without PARTIAL.
        TransitionWalk.verify(ds, ORDER.contains(from + ">" + to), result, "orderItem", "state",
                "order_item", "state", "order_item_id", walked, from.name(), to.name());
    }

    @ParameterizedTest(name = "Invoice {0} -> {1}")
    @MethodSource("invoicePairs")
    void invoice(InvoiceState from, InvoiceState to) {
        long customer = Fixtures.customer(ds, 800);
        String paid = switch (from) {
            case PARTIALLY_PAID -> "40.00";
            case SETTLED -> "100.00";
            default -> "0.00";
        };
        long invoice = Sql.exec(ds, """
                insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency,
                                     total_amount, paid_amount, version, updated_at)
                values (?, ?, date '2025-01-31', date '2025-01-01', date '2025-01-31', date '2025-02-28', 'EUR',
                        100.00, cast(? as numeric), 3, timestamptz '2020-01-01 00:00Z') returning id""",
                customer, from.name(), paid);
        if (from == InvoiceState.ON_HOLD) {
            Sql.exec(ds, "insert into status_change (invoice_id, customer_id, from_status, to_status, actor) values (?, ?, ?, 'ON_HOLD', 'test')",
                    invoice, customer, to == InvoiceState.VALIDATED ? "VALIDATED" : "NEW");
        }
        String id = GlobalId.encode("Invoice", invoice);
        String due = from == InvoiceState.PARTIALLY_PAID ? "60.00" : "100.00";
        JsonPath result = switch (to) {
            case PARTIALLY_PAID -> mutate("invoiceRecordPayment", "{id: \"" + id + "\", expectedVersion: 3, amount: \"10.00\", method: CARD}", "invoice");
            case SETTLED -> mutate("invoiceRecordPayment", "{id: \"" + id + "\", expectedVersion: 3, amount: \"" + due + "\", method: BANK_TRANSFER}", "invoice");
            default -> mutate("invoiceTransition", "{id: \"" + id + "\", expectedVersion: 3, to: " + to + "}", "invoice");
        };
        TransitionWalk.verify(ds, INVOICE.contains(from + ">" + to), result, "invoice", "state",
                "invoice", "state", "invoice_id", invoice, from.name(), to.name());
    }

    private long item(long order, long customer, int number, OrderItemState state) {
        return Sql.exec(ds, """
                insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price, currency, state)
                values (?, ?, ?, 'Fibre 1G', 1, 50.00, 'EUR', ?) returning id""", order, customer, number, state.name());
    }

    private static JsonPath mutate(String mutation, String input, String object) {
        return TransitionWalk.mutate(Tokens.agent(), mutation, input, object + " { id state version }");
    }
}
