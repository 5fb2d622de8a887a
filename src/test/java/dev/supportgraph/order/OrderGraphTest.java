package dev.supportgraph.order;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrderGraphTest {

    private static final String PAGE = """
            query($first: Int, $after: String, $last: Int, $before: String, $filter: OrderFilter, $orderBy: OrderOrder) {
              orders(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id number description priority state } }
              }
            }""";

    @Inject
    CommerceData data;

    private static String customerId(long key) {
        return GlobalId.encode(CustomerType.TYPE, key);
    }

    private static ValidatableResponse page(String token, Map<String, Object> variables) {
        return GraphQLClient.post(token, PAGE, variables).statusCode(200);
    }

    /** A customer with orders "<tag> 1".."<tag> n", created a minute apart, priority i % 5. */
    private long customerWithOrders(String tag, int n) {
        long customer = data.customer(tag);
        OffsetDateTime start = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        for (int i = 1; i <= n; i++) {
            data.order(customer, "ACKNOWLEDGED", i % 5, tag + " " + i, start.plusMinutes(i));
        }
        return customer;
    }

    @Test
    void walksFromCustomerToOrdersToItemsAndBack() {
        long customer = data.customer("Fjord Shipping AS");
        long order = data.order(customer, "IN_PROGRESS", 1, "Fibre for the Bergen office");
        long service = data.service(customer, "Bergen fibre 1G", "FIBRE_ACCESS", "ACTIVE");
        data.item(order, customer, 1, "Fibre Access 1 Gbit/s", 1, "299.00", service);
        data.item(order, customer, 2, "Managed router", 2, "15.50", null);
        GraphQLClient.post(Tokens.agent(), """
                        query($id: ID!) { node(id: $id) { ... on Customer { name
                          orders(first: 5) { totalCount edges { node { description customer { name }
                            items { itemNumber productName quantity unitPrice { amount currency } total { amount }
                                    action state order { description } service { name } } } } } } } }""",
                        Map.of("id", customerId(customer)))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.node.orders.totalCount", equalTo(1))
                .body("data.node.orders.edges[0].node.description", equalTo("Fibre for the Bergen office"))
                .body("data.node.orders.edges[0].node.customer.name", equalTo("Fjord Shipping AS"))
                .body("data.node.orders.edges[0].node.items.productName", contains("Fibre Access 1 Gbit/s", "Managed router"))
                .body("data.node.orders.edges[0].node.items[1].unitPrice.amount", equalTo("15.50"))
                .body("data.node.orders.edges[0].node.items[1].unitPrice.currency", equalTo("EUR"))
                .body("data.node.orders.edges[0].node.items[1].total.amount", equalTo("31.00"))
                .body("data.node.orders.edges[0].node.items[1].action", equalTo("ADD"))
                .body("data.node.orders.edges[0].node.items[0].order.description", equalTo("Fibre for the Bergen office"))
                .body("data.node.orders.edges[0].node.items[0].service.name", equalTo("Bergen fibre 1G"))
                .body("data.node.orders.edges[0].node.items[1].service", nullValue());
        GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on Service { orderItems { productName } } } }",
                        Map.of("id", GlobalId.encode(ServiceType.TYPE, service)))
                .body("errors", nullValue())
                .body("data.node.orderItems.productName", contains("Fibre Access 1 Gbit/s"));
    }

    @Test
    void nestedOrdersArePagedPerCustomer() {
        String tag = CommerceData.unique("Nested");
        long customer = customerWithOrders(tag, 5);
        String query = """
                query($id: ID!, $after: String) { node(id: $id) { ... on Customer {
                  orders(first: 2, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
                    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { description } } } } } }""";
        ValidatableResponse first = GraphQLClient.post(Tokens.agent(), query, Map.of("id", customerId(customer)))
                .body("errors", nullValue())
                .body("data.node.orders.totalCount", equalTo(5))
                .body("data.node.orders.pageInfo.hasNextPage", equalTo(true))
                .body("data.node.orders.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.node.orders.edges.node.description", contains(tag + " 5", tag + " 4"));
        String cursor = first.extract().path("data.node.orders.pageInfo.endCursor");
        GraphQLClient.post(Tokens.agent(), query, Map.of("id", customerId(customer), "after", cursor))
                .body("errors", nullValue())
                .body("data.node.orders.pageInfo.hasPreviousPage", equalTo(true))
                .body("data.node.orders.edges.node.description", contains(tag + " 3", tag + " 2"));
        GraphQLClient.post(Tokens.agent(), "query($id: ID!) { node(id: $id) { ... on Customer { orders(first: 101) { totalCount } } } }",
                        Map.of("id", customerId(customer)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void pagesForwardAndBackwardWithCursors() {
        String tag = CommerceData.unique("Pages");
        long customer = customerWithOrders(tag, 5);
        Map<String, Object> filter = Map.of("customerId", customerId(customer));
        ValidatableResponse firstTwo = page(Tokens.agent(), Map.of("first", 2, "filter", filter))
                .body("errors", nullValue())
                .body("data.orders.totalCount", equalTo(5))
                .body("data.orders.pageInfo.hasNextPage", equalTo(true))
                .body("data.orders.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.orders.edges.node.description", contains(tag + " 1", tag + " 2"));
        String end = firstTwo.extract().path("data.orders.pageInfo.endCursor");
        ValidatableResponse nextTwo = page(Tokens.agent(), Map.of("first", 2, "after", end, "filter", filter))
                .body("data.orders.pageInfo.hasPreviousPage", equalTo(true))
                .body("data.orders.edges.node.description", contains(tag + " 3", tag + " 4"));
        String start = nextTwo.extract().path("data.orders.pageInfo.startCursor");
        page(Tokens.agent(), Map.of("last", 2, "before", start, "filter", filter))
                .body("errors", nullValue())
                .body("data.orders.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.orders.pageInfo.hasNextPage", equalTo(true))
                .body("data.orders.edges.node.description", contains(tag + " 1", tag + " 2"));
        page(Tokens.agent(), Map.of("last", 2, "filter", filter))
                .body("data.orders.pageInfo.hasPreviousPage", equalTo(true))
                .body("data.orders.edges.node.description", contains(tag + " 4", tag + " 5"));
        page(Tokens.agent(), Map.of("first", 5, "filter", Map.of("search", "no such order " + tag)))
                .body("errors", nullValue())
                .body("data.orders.totalCount", equalTo(0))
                .body("data.orders.edges", empty())
                .body("data.orders.pageInfo.hasNextPage", equalTo(false))
                .body("data.orders.pageInfo.startCursor", nullValue());
    }

    @Test
    void acceptsExactlyOneHundredAndRejectsMore() {
        String tag = CommerceData.unique("Hundred");
        long customer = data.customer(tag);
        data.execute("insert into product_order (customer_id, state, description) select ?, 'ACKNOWLEDGED', ? || ' ' || n"
                + " from generate_series(1, 101) n", customer, tag);
        Map<String, Object> filter = Map.of("customerId", customerId(customer));
        page(Tokens.agent(), Map.of("first", 100, "filter", filter))
                .body("errors", nullValue())
                .body("data.orders.edges", hasSize(100))
                .body("data.orders.pageInfo.hasNextPage", equalTo(true));
        page(Tokens.agent(), Map.of("last", 100, "filter", filter))
                .body("data.orders.edges", hasSize(100))
                .body("data.orders.pageInfo.hasPreviousPage", equalTo(true));
        page(Tokens.agent(), Map.of("first", 101, "filter", filter))
                .body("data.orders", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        page(Tokens.agent(), Map.of("last", 0, "filter", filter))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void rejectsForeignCursors() {
        page(Tokens.agent(), Map.of("first", 2, "after", "bm90LWEtY3Vyc29y"))
                .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
        String tag = CommerceData.unique("Cursor");
        long customer = customerWithOrders(tag, 2);
        String byCreated = page(Tokens.agent(), Map.of("first", 1, "filter", Map.of("customerId", customerId(customer))))
                .extract().path("data.orders.pageInfo.endCursor");
        page(Tokens.agent(), Map.of("first", 1, "after", byCreated, "orderBy", Map.of("field", "NUMBER", "direction", "ASC")))
                .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void filtersByEachField() {
        String tag = CommerceData.unique("Filter");
        long customer = data.customer(tag);
        long other = data.customer(tag + " other");
        OffsetDateTime jan = OffsetDateTime.parse("2024-01-15T10:00:00Z");
        OffsetDateTime mar = OffsetDateTime.parse("2024-03-15T10:00:00Z");
        data.order(customer, "COMPLETED", 0, tag + " urgent SD-WAN", jan);
        data.order(customer, "IN_PROGRESS", 3, tag + " mobile plans", mar);
        data.order(other, "IN_PROGRESS", 3, tag + " other customer", mar);
        data.execute("update product_order set updated_at = ? where description = ?", mar.plusDays(1), tag + " urgent SD-WAN");
        String mine = customerId(customer);
        assertEquals(List.of(tag + " mobile plans"), descriptions(Map.of("customerId", mine, "state", List.of("IN_PROGRESS"))));
        assertEquals(List.of(tag + " urgent SD-WAN"), descriptions(Map.of("customerId", mine, "priority", List.of(0, 1))));
        assertEquals(List.of(tag + " urgent SD-WAN"), descriptions(Map.of("search", tag.toUpperCase() + " URGENT")));
        assertEquals(List.of(tag + " mobile plans"),
                descriptions(Map.of("customerId", mine, "createdFrom", "2024-02-01T00:00:00Z", "createdTo", "2024-04-01T00:00:00Z")));
        assertEquals(List.of(tag + " urgent SD-WAN"),
                descriptions(Map.of("customerId", mine, "updatedFrom", "2024-03-16T00:00:00Z", "updatedTo", "2024-03-17T00:00:00Z")));
        assertEquals(List.of(tag + " mobile plans", tag + " other customer"),
                descriptions(Map.of("search", tag, "state", List.of("IN_PROGRESS"))));
        String number = page(Tokens.agent(), Map.of("first", 1, "filter", Map.of("customerId", mine, "state", List.of("COMPLETED"))))
                .extract().path("data.orders.edges[0].node.number");
        assertEquals(List.of(tag + " urgent SD-WAN"), descriptions(Map.of("search", number.toLowerCase())));
        page(Tokens.agent(), Map.of("first", 1, "filter", Map.of("customerId", "not-an-id")))
                .body("errors[0].extensions.code", equalTo("INVALID_ID"));
    }

    @Test
    void ordersByPriorityAndNumber() {
        String tag = CommerceData.unique("Sort");
        long customer = customerWithOrders(tag, 4);
        Map<String, Object> filter = Map.of("customerId", customerId(customer));
        page(Tokens.agent(), Map.of("first", 10, "filter", filter, "orderBy", Map.of("field", "PRIORITY", "direction", "DESC")))
                .body("data.orders.edges.node.priority", contains(4, 3, 2, 1));
        ValidatableResponse byNumber = page(Tokens.agent(), Map.of("first", 2, "filter", filter,
                "orderBy", Map.of("field", "NUMBER", "direction", "DESC")))
                .body("data.orders.edges.node.description", contains(tag + " 4", tag + " 3"));
        page(Tokens.agent(), Map.of("first", 2, "filter", filter, "after", byNumber.extract().path("data.orders.pageInfo.endCursor"),
                "orderBy", Map.of("field", "NUMBER", "direction", "DESC")))
                .body("data.orders.edges.node.description", contains(tag + " 2", tag + " 1"));
    }

    @Test
    void nodeFindsOrdersAndItems() {
        long customer = data.customer("Node Orders Ltd");
        long order = data.order(customer, "HELD", 2, "Cloud PBX rollout");
        long item = data.item(order, customer, 1, "Cloud PBX seat", 25, "8.90", null);
        GraphQLClient.post(Tokens.agent(), """
                        query($o: ID!, $i: ID!) { o: node(id: $o) { id __typename ... on ProductOrder { state priority }
                        } i: node(id: $i) { id __typename ... on OrderItem { productName total { amount } } } }""",
                        Map.of("o", GlobalId.encode(ProductOrderType.TYPE, order), "i", GlobalId.encode(OrderItemType.TYPE, item)))
                .body("errors", nullValue())
                .body("data.o.__typename", equalTo("ProductOrder"))
                .body("data.o.id", equalTo(GlobalId.encode(ProductOrderType.TYPE, order)))
                .body("data.o.state", equalTo("HELD"))
                .body("data.i.__typename", equalTo("OrderItem"))
                .body("data.i.total.amount", equalTo("222.50"));
    }

    @Test
    void portalCustomersSeeOnlyTheirOwnOrders() {
        String tag = CommerceData.unique("Portal");
        long mine = data.customer(tag + " mine");
        long theirs = data.customer(tag + " theirs");
        long myOrder = data.order(mine, "ACKNOWLEDGED", 4, tag + " my order");
        long theirOrder = data.order(theirs, "ACKNOWLEDGED", 4, tag + " their order");
        long theirItem = data.item(theirOrder, theirs, 1, "Mobile plan 50 GB", 10, "25.00", null);
        page(Tokens.customer(mine), Map.of("first", 100, "filter", Map.of("search", tag)))
                .body("data.orders.totalCount", equalTo(1))
                .body("data.orders.edges.node.description", contains(tag + " my order"));
        page(Tokens.customer(mine), Map.of("first", 10, "filter", Map.of("customerId", customerId(theirs))))
                .body("data.orders.edges", empty());
        GraphQLClient.post(Tokens.customer(mine), "query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id } }",
                        Map.of("a", GlobalId.encode(ProductOrderType.TYPE, myOrder), "b", GlobalId.encode(ProductOrderType.TYPE, theirOrder),
                                "c", GlobalId.encode(OrderItemType.TYPE, theirItem)))
                .body("errors", nullValue())
                .body("data.a.id", equalTo(GlobalId.encode(ProductOrderType.TYPE, myOrder)))
                .body("data.b", nullValue())
                .body("data.c", nullValue());
    }

    private List<String> descriptions(Map<String, Object> filter) {
        return page(Tokens.agent(), Map.of("first", 100, "filter", filter, "orderBy", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("errors", nullValue())
                .extract().path("data.orders.edges.node.description");
    }
}
