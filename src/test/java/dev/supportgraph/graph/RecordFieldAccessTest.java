package dev.supportgraph.graph;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.RecordFieldAccess.Access;
import dev.supportgraph.order.OrderItemType;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import graphql.schema.DataFetcher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.AdaptWith;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Record fields are read without SmallRye's per-field context and render exactly as SmallRye renders
 * them (the expected values were taken from the same query before RecordFieldAccess existed).
 */
@QuarkusTest
class RecordFieldAccessTest {

    @Inject
    CommerceData data;

    @Inject
    RecordFieldAccess access;

    @Test
    void recordFieldsAreReadDirectlyAndRenderAsBefore() {
        long customer = data.customer("Direct Fields AS");
        long order = data.order(customer, "IN_PROGRESS", 1, "Direct order", OffsetDateTime.parse("2025-03-04T05:06:07.5+02:00"));
        data.execute("update product_order set order_date = ? where id = ?",
                OffsetDateTime.parse("2025-03-04T05:06:07.123456+02:00"), order);
        long fibre = data.item(order, customer, 1, "Fibre", 3, "299.10", null);
        data.item(order, customer, 2, "Router", 1, "15.5", null);
        data.invoice(customer, "SETTLED", LocalDate.parse("2025-02-05"), "100.00", "100.00", "0.00");

        GraphQLClient.reference(Tokens.agent(), "application/json", """
                        query($id: ID!) { node(id: $id) { ... on Customer { name status creditRating
                          orders(first: 5) { totalCount pageInfo { hasNextPage }
                            edges { node { id number description state priority orderDate createdAt completionDate stateReason
                              items { id itemNumber productName action quantity unitPrice { amount currency } total { amount } service { name } } } } }
                          invoices(first: 5) { edges { node { state billDate periodStart paymentDueDate totalAmount { amount currency } } } } } } }""",
                        Map.of("id", GlobalId.encode(CustomerType.TYPE, customer)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.node.name", equalTo("Direct Fields AS"))
                .body("data.node.status", equalTo("ACTIVE"))
                .body("data.node.creditRating", equalTo(700))
                // totalCount is counted only when selected: its resolver reads SmallRye's context.
                .body("data.node.orders.totalCount", equalTo(1))
                .body("data.node.orders.pageInfo.hasNextPage", equalTo(false))
                .body("data.node.orders.edges[0].node.id", equalTo(GlobalId.encode(ProductOrderType.TYPE, order)))
                .body("data.node.orders.edges[0].node.description", equalTo("Direct order"))
                .body("data.node.orders.edges[0].node.state", equalTo("IN_PROGRESS"))
                .body("data.node.orders.edges[0].node.priority", equalTo(1))
                .body("data.node.orders.edges[0].node.orderDate", equalTo("2025-03-04T03:06:07.123456Z"))
                .body("data.node.orders.edges[0].node.createdAt", equalTo("2025-03-04T03:06:07.5Z"))
                .body("data.node.orders.edges[0].node.completionDate", nullValue())
                .body("data.node.orders.edges[0].node.stateReason", nullValue())
                .body("data.node.orders.edges[0].node.items.id", contains(GlobalId.encode(OrderItemType.TYPE, fibre),
                        GlobalId.encode(OrderItemType.TYPE, fibre + 1)))
                .body("data.node.orders.edges[0].node.items.itemNumber", contains(1, 2))
                .body("data.node.orders.edges[0].node.items.productName", contains("Fibre", "Router"))
                .body("data.node.orders.edges[0].node.items.action", contains("ADD", "ADD"))
                .body("data.node.orders.edges[0].node.items.quantity", contains(3, 1))
                .body("data.node.orders.edges[0].node.items.unitPrice.amount", contains("299.10", "15.50"))
                .body("data.node.orders.edges[0].node.items.unitPrice.currency", contains("EUR", "EUR"))
                .body("data.node.orders.edges[0].node.items.total.amount", contains("897.30", "15.50"))
                .body("data.node.orders.edges[0].node.items.service", contains(nullValue(), nullValue()))
                .body("data.node.invoices.edges[0].node.state", equalTo("SETTLED"))
                .body("data.node.invoices.edges[0].node.billDate", equalTo("2025-02-05"))
                .body("data.node.invoices.edges[0].node.periodStart", equalTo("2025-01-05"))
                .body("data.node.invoices.edges[0].node.paymentDueDate", equalTo("2025-03-07"))
                .body("data.node.invoices.edges[0].node.totalAmount.amount", equalTo("100.00"));

        assertEquals(Optional.of(Access.ACCESSOR), access.access("ProductOrder", "number"));
        assertEquals(Optional.of(Access.ACCESSOR), access.access("ProductOrder", "state"), "enum");
        assertEquals(Optional.of(Access.ACCESSOR), access.access("ProductOrder", "id"), "record method getId()");
        assertEquals(Optional.of(Access.ACCESSOR), access.access("OrderItem", "unitPrice"), "nested record");
        assertEquals(Optional.of(Access.ACCESSOR_AND_TRANSFORMATION), access.access("ProductOrder", "orderDate"));
        assertEquals(Optional.of(Access.ACCESSOR_AND_TRANSFORMATION), access.access("Invoice", "billDate"));
        assertEquals(Optional.of(Access.ACCESSOR_AND_TRANSFORMATION), access.access("OrderConnection", "edges"), "list");
        assertEquals(Optional.empty(), access.access("ProductOrder", "items"), "batch resolvers keep SmallRye's own fetcher");
    }

    /** Not a record, or served through an adapter: SmallRye's fetcher stays. */
    @Test
    void otherFieldsKeepSmallRyesFetcher() {
        FieldDataFetcher<?> plainClass = fetcher(PlainClass.class, "getName", false);
        assertSame(plainClass, access.instrumentDataFetcher(plainClass, null, null));

        FieldDataFetcher<?> adapted = fetcher(PlainRecord.class, "name", true);
        assertSame(adapted, access.instrumentDataFetcher(adapted, null, null));

        FieldDataFetcher<?> plainRecord = fetcher(PlainRecord.class, "name", false);
        DataFetcher<?> replaced = access.instrumentDataFetcher(plainRecord, null, null);
        assertNotSame(plainRecord, replaced);
        assertSame(replaced, access.instrumentDataFetcher(plainRecord, null, null), "decided once per fetcher");
    }

    public static final class PlainClass {
        public String getName() {
            return "plain";
        }
    }

    public record PlainRecord(String name) {
    }

    private static FieldDataFetcher<?> fetcher(Class<?> owner, String method, boolean adapted) {
        Reference string = new Reference();
        string.setClassName(String.class.getName());
        string.setGraphQLClassName(String.class.getName());
        string.setName("String");
        string.setType(ReferenceType.SCALAR);
        Reference type = new Reference();
        type.setClassName(owner.getName());
        type.setName(owner.getSimpleName());
        type.setType(ReferenceType.TYPE);
        Field field = new Field(method, "name", "name", string);
        if (adapted) {
            field.setAdaptWith(new AdaptWith());
        }
        return new FieldDataFetcher<>(field, new Type(owner.getName(), owner.getSimpleName(), null), type);
    }
}
