package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The business rules of orders and invoices through the real mutations: the credit check of
 * orderCreate, the totals of invoiceIssue, and payments and credits capped at the amount due.
 * A refused call answers with a userError and changes nothing.
 */
@QuarkusTest
class CommerceRulesTest {

    private static final String ORDER = "productOrder { id state stateReason items { state } }";
    private static final String INVOICE = "invoice { id state version totalAmount { amount currency } paidAmount { amount }"
            + " adjustedAmount { amount } amountDue { amount } lines { description quantity unitAmount { amount } amount { amount } } }";

    @Inject
    DataSource ds;

    @Inject
    CommerceData data;

    @Test
    void aCustomerBelowTheCreditPolicyGetsTheOrderRejectedWithTheReason() {
        long below = customer(399);
        JsonPath rejected = GraphQLClient.mutate(Tokens.agent(), "orderCreate", orderInput(below), ORDER);
        assertEquals(List.of(), rejected.getList("userErrors"));
        assertEquals("REJECTED", rejected.getString("productOrder.state"));
        assertEquals("Credit check failed: credit rating 399 is below the required 400", rejected.getString("productOrder.stateReason"));
        assertEquals(List.of("REJECTED", "REJECTED"), rejected.getList("productOrder.items.state"));
        long order = GlobalId.decode(rejected.getString("productOrder.id")).id();
        assertEquals(Map.of("from_status", "", "to_status", "REJECTED"), Sql.row(ds,
                "select coalesce(from_status, '') as from_status, to_status from status_change where order_id = ?", order));
        assertEquals("REJECTED", Sql.row(ds, "select payload ->> 'to' as s from outbox_event where aggregate = 'ORDER'"
                + " and aggregate_id = ? and type = 'ORDER_STATE_CHANGED'", order).get("s"));

        // The policy's minimum itself passes.
        JsonPath accepted = GraphQLClient.mutate(Tokens.agent(), "orderCreate", orderInput(customer(400)), ORDER);
        assertEquals("ACKNOWLEDGED", accepted.getString("productOrder.state"));
        assertNull(accepted.getString("productOrder.stateReason"));
        assertEquals(List.of("ACKNOWLEDGED", "ACKNOWLEDGED"), accepted.getList("productOrder.items.state"));
    }

    @Test
    void anInvoiceBillsTheCompletedItemsOfItsOrdersOnce() {
        long customer = customer(700);
        long partial = data.order(customer, "PARTIAL", 2, "Partly delivered");
        data.item(partial, customer, 1, "Fibre 1G", 3, "19.90", null);
        data.item(partial, customer, 2, "Router", 1, "5.05", null);
        data.item(partial, customer, 3, "Static IP", 2, "100.00", null);
        data.execute("update order_item set state = case item_number when 3 then 'FAILED' else 'COMPLETED' end where order_id = ?", partial);
        long completed = data.order(customer, "COMPLETED", 2, "Delivered");
        data.item(completed, customer, 1, "Cable", 2, "0.10", null);
        data.execute("update order_item set state = 'COMPLETED' where order_id = ?", completed);

        JsonPath issued = GraphQLClient.mutate(Tokens.agent(), "invoiceIssue", issueInput(partial, completed), INVOICE);
        assertEquals(List.of(), issued.getList("userErrors"));
        assertEquals("NEW", issued.getString("invoice.state"));
        // 3 x 19.90 + 1 x 5.05 + 2 x 0.10; the failed item is not billed.
        assertEquals(Map.of("amount", "64.95", "currency", "EUR"), issued.getMap("invoice.totalAmount"));
        assertEquals("64.95", issued.getString("invoice.amountDue.amount"));
        assertEquals("0.00", issued.getString("invoice.paidAmount.amount"));
        assertEquals(List.of("Fibre 1G", "Router", "Cable"), issued.getList("invoice.lines.description"));
        assertEquals(List.of(3, 1, 2), issued.getList("invoice.lines.quantity"));
        assertEquals(List.of("59.70", "5.05", "0.20"), issued.getList("invoice.lines.amount.amount"));
        long invoice = GlobalId.decode(issued.getString("invoice.id")).id();
        assertEquals(1, Sql.count(ds, "select count(*) from status_change where invoice_id = ? and to_status = 'NEW'", invoice));

        // The same orders again: refused, no second invoice.
        assertRefused("invoiceIssue", issueInput(completed), "invoice", "BUSINESS_RULE", List.of("input", "orderIds"));
        long open = data.order(customer, "IN_PROGRESS", 2, "Still running");
        assertRefused("invoiceIssue", issueInput(open), "invoice", "BUSINESS_RULE", List.of("input", "orderIds"));
        long otherCustomer = data.order(customer(700), "COMPLETED", 2, "Someone else's");
        long mine = data.order(customer, "COMPLETED", 2, "Mine");
        assertRefused("invoiceIssue", issueInput(mine, otherCustomer), "invoice", "BAD_USER_INPUT", List.of("input", "orderIds"));
        assertEquals(1, Sql.count(ds, "select count(*) from invoice where customer_id = ?", customer));
    }

    @Test
    void paymentsAndCreditsAreCappedAtTheAmountDue() {
        long customer = customer(700);
        long invoice = data.invoice(customer, "SENT", LocalDate.of(2025, 3, 1), "100.00", "0.00", "0.00");
        String id = GlobalId.encode("Invoice", invoice);

        Map<String, Object> untouched = snapshot(invoice);
        assertRefused("invoiceRecordPayment", payment(id, 0, "100.01"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertRefused("invoiceApplyAdjustment", credit(id, 0, "100.01"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertRefused("invoiceRecordPayment", payment(id, 0, "0.00"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertEquals(untouched, snapshot(invoice));

        JsonPath paid = GraphQLClient.mutate(Tokens.agent(), "invoiceRecordPayment", payment(id, 0, "60.00"), INVOICE);
        assertEquals("PARTIALLY_PAID", paid.getString("invoice.state"));
        assertEquals("40.00", paid.getString("invoice.amountDue.amount"));
        JsonPath credited = GraphQLClient.mutate(Tokens.agent(), "invoiceApplyAdjustment", credit(id, 1, "15.00"), INVOICE);
        assertEquals("PARTIALLY_PAID", credited.getString("invoice.state"));
        assertEquals("15.00", credited.getString("invoice.adjustedAmount.amount"));
        assertEquals("25.00", credited.getString("invoice.amountDue.amount"));

        // Over what is left now, by a cent: refused, nothing changes.
        Map<String, Object> partly = snapshot(invoice);
        assertRefused("invoiceRecordPayment", payment(id, 2, "25.01"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertRefused("invoiceApplyAdjustment", credit(id, 2, "25.01"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertEquals(partly, snapshot(invoice));

        JsonPath settled = GraphQLClient.mutate(Tokens.agent(), "invoiceRecordPayment", payment(id, 2, "25.00"), INVOICE);
        assertEquals("SETTLED", settled.getString("invoice.state"));
        assertEquals("0.00", settled.getString("invoice.amountDue.amount"));
        Map<String, Object> done = snapshot(invoice);
        assertRefused("invoiceRecordPayment", payment(id, 3, "0.01"), "invoice", "INVALID_TRANSITION", List.of("input", "id"));
        assertRefused("invoiceApplyAdjustment", credit(id, 3, "0.01"), "invoice", "BAD_USER_INPUT", List.of("input", "amount"));
        assertEquals(done, snapshot(invoice));
        assertEquals(List.of("SENT>PARTIALLY_PAID", "PARTIALLY_PAID>SETTLED"), Sql.rows(ds,
                "select from_status || '>' || to_status as c from status_change where invoice_id = ? order by id", invoice)
                .stream().map(r -> r.get("c")).toList());
    }

    private long customer(int creditRating) {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Rules Ltd',"
                + " 'SMALL_BUSINESS', ?) returning id", CommerceData.unique("RULES"), creditRating);
    }

    private static String orderInput(long customer) {
        return "{customerId: \"" + GlobalId.encode("Customer", customer) + "\", items: ["
                + "{productName: \"Fibre 1G\", quantity: 1, unitPrice: \"39.90\", currency: \"EUR\"},"
                + "{productName: \"Router\", quantity: 2, unitPrice: \"4.95\", currency: \"EUR\"}]}";
    }

    private static String issueInput(long... orders) {
        StringBuilder ids = new StringBuilder();
        for (long order : orders) {
            ids.append(ids.isEmpty() ? "" : ", ").append('"').append(GlobalId.encode("ProductOrder", order)).append('"');
        }
        return "{orderIds: [" + ids + "], periodStart: \"2025-02-01\", periodEnd: \"2025-02-28\", paymentDueDate: \"2025-03-31\"}";
    }

    private static String payment(String id, int version, String amount) {
        return "{id: \"" + id + "\", expectedVersion: " + version + ", amount: \"" + amount + "\", method: CARD}";
    }

    private static String credit(String id, int version, String amount) {
        return "{id: \"" + id + "\", expectedVersion: " + version + ", amount: \"" + amount + "\", reason: \"Goodwill\"}";
    }

    /** The invoice's row and everything hanging off it that a payment or credit would change. */
    private Map<String, Object> snapshot(long invoice) {
        return Sql.row(ds, """
                select i.state, i.version, i.paid_amount, i.adjusted_amount, i.updated_at,
                       (select count(*) from payment where invoice_id = i.id) as payments,
                       (select count(*) from adjustment where invoice_id = i.id) as adjustments,
                       (select count(*) from status_change where invoice_id = i.id) as changes,
                       (select count(*) from outbox_event where aggregate = 'INVOICE' and aggregate_id = i.id) as events
                from invoice i where i.id = ?""", invoice);
    }

    private static void assertRefused(String mutation, String input, String object, String code, List<String> field) {
        JsonPath result = GraphQLClient.mutate(Tokens.agent(), mutation, input, object + " { id }");
        assertNull(result.get(object), result::prettify);
        List<Map<String, Object>> errors = result.getList("userErrors");
        assertEquals(1, errors.size(), result::prettify);
        assertEquals(code, errors.getFirst().get("code"), result::prettify);
        assertEquals(field, errors.getFirst().get("field"));
        assertTrue(!((String) errors.getFirst().get("message")).isBlank());
    }
}
