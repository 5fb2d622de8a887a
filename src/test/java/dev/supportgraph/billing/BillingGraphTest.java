package dev.supportgraph.billing;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BillingGraphTest {

    private static final String INVOICES = """
            query($first: Int, $after: String, $last: Int, $filter: InvoiceFilter, $orderBy: InvoiceOrder) {
              invoices(first: $first, after: $after, last: $last, filter: $filter, orderBy: $orderBy) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { id number state billDate } } } }""";

    @Inject
    CommerceData data;

    private static String id(String type, long key) {
        return GlobalId.encode(type, key);
    }

    private static ValidatableResponse invoices(String token, Map<String, Object> variables) {
        return GraphQLClient.post(token, INVOICES, variables).statusCode(200);
    }

    @Test
    void walksFromCustomerToInvoicesToLinesToOrdersAndBack() {
        long customer = data.customer("Northhaven Schools");
        long order = data.order(customer, "COMPLETED", 2, "Campus Wi-Fi");
        long item = data.item(order, customer, 1, "Managed Wi-Fi access point", 2, "50.00", null);
        long invoice = data.invoice(customer, "PARTIALLY_PAID", LocalDate.parse("2025-03-01"), "100.00", "30.00", "5.50");
        data.line(invoice, customer, "Managed Wi-Fi access point x2", order, item);
        data.line(invoice, customer, "Late fee", null, null);
        data.payment(invoice, customer, "30.00");
        data.adjustment(invoice, customer, "5.50", "SLA credit for outage");
        GraphQLClient.post(Tokens.agent(), """
                        query($id: ID!) { node(id: $id) { ... on Customer { invoices(first: 5) { totalCount edges { node {
                          totalAmount { amount currency } paidAmount { amount } adjustedAmount { amount } amountDue { amount }
                          customer { name }
                          lines { description amount { amount } unitAmount { amount } invoice { state }
                                  order { description invoiceLines { description } } orderItem { productName } }
                          payments { amount { amount currency } method reference invoice { state } }
                          adjustments { amount { amount } reason createdBy invoice { state } } } } } } } }""",
                        Map.of("id", id(CustomerType.TYPE, customer)))
                .body("errors", nullValue())
                .body("data.node.invoices.totalCount", equalTo(1))
                .body("data.node.invoices.edges[0].node.totalAmount.amount", equalTo("100.00"))
                .body("data.node.invoices.edges[0].node.totalAmount.currency", equalTo("EUR"))
                .body("data.node.invoices.edges[0].node.amountDue.amount", equalTo("64.50"))
                .body("data.node.invoices.edges[0].node.customer.name", equalTo("Northhaven Schools"))
                .body("data.node.invoices.edges[0].node.lines.description", contains("Managed Wi-Fi access point x2", "Late fee"))
                .body("data.node.invoices.edges[0].node.lines[0].amount.amount", equalTo("100.00"))
                .body("data.node.invoices.edges[0].node.lines[0].invoice.state", equalTo("PARTIALLY_PAID"))
                .body("data.node.invoices.edges[0].node.lines[0].order.description", equalTo("Campus Wi-Fi"))
                .body("data.node.invoices.edges[0].node.lines[0].order.invoiceLines.description", contains("Managed Wi-Fi access point x2"))
                .body("data.node.invoices.edges[0].node.lines[0].orderItem.productName", equalTo("Managed Wi-Fi access point"))
                .body("data.node.invoices.edges[0].node.lines[1].order", nullValue())
                .body("data.node.invoices.edges[0].node.lines[1].orderItem", nullValue())
                .body("data.node.invoices.edges[0].node.payments[0].amount.amount", equalTo("30.00"))
                .body("data.node.invoices.edges[0].node.payments[0].method", equalTo("BANK_TRANSFER"))
                .body("data.node.invoices.edges[0].node.payments[0].invoice.state", equalTo("PARTIALLY_PAID"))
                .body("data.node.invoices.edges[0].node.adjustments[0].reason", equalTo("SLA credit for outage"))
                .body("data.node.invoices.edges[0].node.adjustments[0].invoice.state", equalTo("PARTIALLY_PAID"));
        GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on ProductOrder { invoiceLines { description } } } }",
                        Map.of("id", id(ProductOrderType.TYPE, order)))
                .body("data.node.invoiceLines.description", contains("Managed Wi-Fi access point x2"));
    }

    @Test
    void filtersOrdersAndPagesInvoices() {
        long customer = data.customer(CommerceData.unique("Bills"));
        long other = data.customer(CommerceData.unique("Other bills"));
        long jan = data.invoice(customer, "SETTLED", LocalDate.parse("2025-01-05"), "10.00", "10.00", "0");
        data.invoice(customer, "SENT", LocalDate.parse("2025-02-05"), "10.00", "0", "0");
        data.invoice(customer, "SENT", LocalDate.parse("2025-03-05"), "10.00", "0", "0");
        data.invoice(other, "SENT", LocalDate.parse("2025-03-05"), "10.00", "0", "0");
        Map<String, Object> mine = Map.of("customerId", id(CustomerType.TYPE, customer));
        ValidatableResponse firstTwo = invoices(Tokens.agent(), Map.of("first", 2, "filter", mine))
                .body("errors", nullValue())
                .body("data.invoices.totalCount", equalTo(3))
                .body("data.invoices.pageInfo.hasNextPage", equalTo(true))
                .body("data.invoices.edges.node.billDate", contains("2025-01-05", "2025-02-05"));
        invoices(Tokens.agent(), Map.of("first", 2, "after", firstTwo.extract().path("data.invoices.pageInfo.endCursor"), "filter", mine))
                .body("data.invoices.edges.node.billDate", contains("2025-03-05"));
        invoices(Tokens.agent(), Map.of("last", 1, "filter", mine, "orderBy", Map.of("field", "BILL_DATE", "direction", "DESC")))
                .body("data.invoices.edges.node.billDate", contains("2025-01-05"));
        invoices(Tokens.agent(), Map.of("first", 10, "filter", Map.of("customerId", id(CustomerType.TYPE, customer), "state", List.of("SENT"))))
                .body("data.invoices.edges.node.billDate", contains("2025-02-05", "2025-03-05"));
        invoices(Tokens.agent(), Map.of("first", 10, "filter", Map.of("customerId", id(CustomerType.TYPE, customer),
                        "billDateFrom", "2025-02-01", "billDateTo", "2025-03-05")))
                .body("data.invoices.edges.node.billDate", contains("2025-02-05"));
        String number = invoices(Tokens.agent(), Map.of("first", 1, "filter", mine)).extract().path("data.invoices.edges[0].node.number");
        invoices(Tokens.agent(), Map.of("first", 10, "filter", Map.of("search", number.toLowerCase())))
                .body("data.invoices.edges.node.id", contains(id(InvoiceType.TYPE, jan)));
        invoices(Tokens.agent(), Map.of("first", 10, "filter", mine, "orderBy", Map.of("field", "NUMBER", "direction", "DESC")))
                .body("data.invoices.edges.node.billDate", contains("2025-03-05", "2025-02-05", "2025-01-05"));
        GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on Customer { invoices(first: 1, filter: {state: [SENT]}) { totalCount edges { node { billDate } } } } } }",
                        Map.of("id", id(CustomerType.TYPE, customer)))
                .body("data.node.invoices.totalCount", equalTo(2))
                .body("data.node.invoices.edges.node.billDate", contains("2025-02-05"));
    }

    @Test
    void nodeFindsEveryBillingType() {
        long customer = data.customer("Node Billing GmbH");
        long invoice = data.invoice(customer, "NEW", LocalDate.parse("2025-04-01"), "20.00", "0", "0");
        long line = data.line(invoice, customer, "SD-WAN edge licence", null, null);
        long payment = data.payment(invoice, customer, "12.00");
        long adjustment = data.adjustment(invoice, customer, "1.00", "Goodwill");
        GraphQLClient.post(Tokens.agent(), """
                        query($i: ID!, $l: ID!, $p: ID!, $a: ID!) {
                          i: node(id: $i) { __typename ... on Invoice { state } }
                          l: node(id: $l) { __typename ... on InvoiceLine { description } }
                          p: node(id: $p) { __typename ... on Payment { amount { amount } } }
                          a: node(id: $a) { __typename ... on Adjustment { reason } } }""",
                        Map.of("i", id(InvoiceType.TYPE, invoice), "l", id(InvoiceLineType.TYPE, line),
                                "p", id(PaymentType.TYPE, payment), "a", id(AdjustmentType.TYPE, adjustment)))
                .body("errors", nullValue())
                .body("data.i.state", equalTo("NEW"))
                .body("data.l.description", equalTo("SD-WAN edge licence"))
                .body("data.p.amount.amount", equalTo("12.00"))
                .body("data.a.reason", equalTo("Goodwill"));
    }

    @Test
    void portalCustomersSeeOnlyTheirOwnInvoices() {
        String tag = CommerceData.unique("PortalBill");
        long mine = data.customer(tag + " mine");
        long theirs = data.customer(tag + " theirs");
        long myInvoice = data.invoice(mine, "SENT", LocalDate.parse("2025-05-01"), "10.00", "0", "0");
        long theirInvoice = data.invoice(theirs, "SENT", LocalDate.parse("2025-05-01"), "10.00", "0", "0");
        long theirLine = data.line(theirInvoice, theirs, "Their line", null, null);
        String token = Tokens.customer(mine);
        invoices(token, Map.of("first", 100))
                .body("data.invoices.totalCount", equalTo(1))
                .body("data.invoices.edges.node.id", contains(id(InvoiceType.TYPE, myInvoice)));
        invoices(token, Map.of("first", 10, "filter", Map.of("customerId", id(CustomerType.TYPE, theirs))))
                .body("data.invoices.edges", empty());
        GraphQLClient.post(token, "query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }",
                        Map.of("a", id(InvoiceType.TYPE, theirInvoice), "b", id(InvoiceLineType.TYPE, theirLine)))
                .body("errors", nullValue())
                .body("data.a", nullValue())
                .body("data.b", nullValue());
    }
}
