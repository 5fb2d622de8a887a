package dev.supportgraph.order;

import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No N+1: customers -> orders -> items -> service plus invoices -> lines over 55 customers costs
 * one statement per level, and the same again when every list doubles; reads open no transaction
 * (no BEGIN/COMMIT per level).
 */
@QuarkusTest
class CommerceStatementCountTest {

    private static final int CUSTOMERS = 55;

    /** Six levels that touch the database: customers, orders, items, services, invoices, lines. */
    private static final int LEVELS = 6;

    private static final String QUERY = """
            query($search: String) { customers(first: 60, filter: {search: $search}) { edges { node {
              orders(first: 20) { edges { node { items { productName service { name } } } } }
              invoices(first: 5) { edges { node { lines { description } } } } } } } }""";

    @Inject
    CommerceData data;

    @Inject
    SqlStatements statements;

    @Test
    void statementsDependOnTheDepthOfTheQueryNotOnTheSizesOfItsLists() {
        String prefix = CommerceData.unique("BULK");
        data.execute("insert into customer (account_number, name, segment, credit_rating)"
                + " select ? || '-' || n, 'Bulk customer ' || n, 'SMALL_BUSINESS', 600 from generate_series(1, ?) n", prefix, CUSTOMERS);
        data.execute("insert into service (customer_id, name, category) select id, 'Fibre ' || account_number, 'FIBRE_ACCESS'"
                + " from customer where account_number like ? || '-%'", prefix);
        addOrdersAndInvoices(prefix, 3, 2);

        SqlStatements.Counted<JsonPath> before = statements.count(() -> query(QUERY, prefix));
        assertShape(before.result(), 3, 2);
        assertEquals(LEVELS, before.statements(), "statements");
        assertEquals(0, before.transactions(), "transactions");

        addOrdersAndInvoices(prefix, 3, 2);
        SqlStatements.Counted<JsonPath> after = statements.count(() -> query(QUERY, prefix));
        assertShape(after.result(), 6, 4);
        assertEquals(before.statements(), after.statements());
    }

    private JsonPath query(String query, String prefix) {
        // The engine's statements are counted here (the planner's single statement is PlannerStatementCountTest's).
        return GraphQLClient.reference(Tokens.agent(), "application/json", query, Map.of("search", prefix))
                .statusCode(200).extract().jsonPath();
    }

    private static void assertShape(JsonPath result, int orders, int invoices) {
        assertNull(result.get("errors"));
        List<Map<String, Object>> customers = result.getList("data.customers.edges.node");
        assertEquals(CUSTOMERS, customers.size());
        assertEquals(orders, result.getList("data.customers.edges[0].node.orders.edges").size());
        assertEquals(invoices, result.getList("data.customers.edges[54].node.invoices.edges").size());
        assertEquals(List.of("Product 1", "Product 2"), result.getList("data.customers.edges[7].node.orders.edges[0].node.items.productName"));
        assertTrue(result.getString("data.customers.edges[7].node.orders.edges[0].node.items[0].service.name").startsWith("Fibre "));
        assertNull(result.get("data.customers.edges[7].node.orders.edges[0].node.items[1].service"));
        assertEquals(2, result.getList("data.customers.edges[3].node.invoices.edges[0].node.lines").size());
    }

    /** Adds {@code orders} orders (two items each, the first on the customer's service) and {@code invoices} invoices (two lines each) per customer. */
    private void addOrdersAndInvoices(String prefix, int orders, int invoices) {
        data.execute("insert into product_order (customer_id, state, description) select c.id, 'ACKNOWLEDGED', 'Bulk order'"
                + " from customer c cross join generate_series(1, ?) where c.account_number like ? || '-%'", orders, prefix);
        data.execute("insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price, currency,"
                + " state, service_id) select o.id, o.customer_id, n, 'Product ' || n, 1, 10, 'EUR', 'ACKNOWLEDGED',"
                + " case when n = 1 then s.id end from product_order o join customer c on c.id = o.customer_id"
                + " join service s on s.customer_id = c.id cross join generate_series(1, 2) n"
                + " where c.account_number like ? || '-%' and not exists (select 1 from order_item i where i.order_id = o.id)", prefix);
        data.execute("insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency,"
                + " total_amount) select c.id, 'SENT', date '2025-02-01' + n, date '2025-01-01', date '2025-01-31',"
                + " date '2025-03-01', 'EUR', 20 from customer c cross join generate_series(1, ?) n"
                + " where c.account_number like ? || '-%'", invoices, prefix);
        data.execute("insert into invoice_line (invoice_id, customer_id, description, quantity, unit_amount, amount)"
                + " select i.id, i.customer_id, 'Line ' || n, 1, 10, 10 from invoice i join customer c on c.id = i.customer_id"
                + " cross join generate_series(1, 2) n where c.account_number like ? || '-%'"
                + " and not exists (select 1 from invoice_line l where l.invoice_id = i.id)", prefix);
    }
}
