package dev.supportgraph.graph.compiled;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.problem.ProblemReportType;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries answered by one compiled SQL statement give exactly the engine's answer: a document is
 * planned the first time it is seen, and its answer must equal the engine's (asked for with
 * {@link CompiledQueries#REFERENCE_HEADER}) — same JSON with the keys in the same order, same
 * status and content type. What the compiler does
 * not cover, and requests a plan cannot answer, stay with the engine.
 */
@QuarkusTest
class CompiledQueryTest {

    /** Every field the catalog plans on these types, with aliases, fragments and __typename. */
    private static final String EVERY_FIELD = """
            query Everything($customer: ID!, $report: ID!) {
              __typename
              customer(id: $customer) { ...customerFields
                contacts { ...contactFields customer { id } }
                orders(first: 3) { __typename edges { __typename node { ...orderFields
                  items { __typename id itemNumber productName action quantity state version
                    unitPrice { __typename amount currency } total { amount currency } price: unitPrice { amount }
                    order { id number } service { ...serviceFields } } } } } }
              report: problemReport(id: $report) { __typename id number title description status priority severity
                channel resolution createdAt updatedAt resolvedAt closedAt version
                customer { ...customerFields } reportedBy { ...contactFields } relatedOrder { ...orderFields }
                relatedService { ...serviceFields customer { name } } }
              missing: problemReport(id: "UHJvYmxlbVJlcG9ydDotMQ") { id }
            }
            fragment customerFields on Customer { __typename id accountNumber name status segment creditRating
              preferredLanguage createdAt updatedAt version name }
            fragment contactFields on Contact { id name role email phone preferredChannel language createdAt updatedAt version }
            fragment orderFields on ProductOrder { id number description state priority orderDate requestedStartDate
              requestedCompletionDate expectedCompletionDate completionDate stateReason createdAt updatedAt version
              customer { id } }
            fragment serviceFields on Service { id name category state createdAt updatedAt version
              monthlyCharge { amount currency } }
            """;

    @Inject
    CommerceData data;

    @Inject
    MeterRegistry registry;

    private long customer;
    private long otherCustomer;
    private long report;

    @BeforeEach
    void data() {
        customer = data.customer("Compiled Queries SE");
        otherCustomer = data.customer("Someone Else GmbH");
        long contact = data.contact(customer, "Kim Keller", "kim@example.com");
        data.contact(customer, "Lee Lang", null);
        long service = data.service(customer, "Fibre 1000", "BROADBAND", "ACTIVE");
        OffsetDateTime created = OffsetDateTime.parse("2025-03-04T05:06:07.5+02:00");
        long order = data.order(customer, "IN_PROGRESS", 1, "Compiled order", created);
        data.execute("update product_order set order_date = ?, requested_start_date = ? where id = ?",
                OffsetDateTime.parse("2025-03-04T05:06:07.123456+02:00"), OffsetDateTime.parse("2025-04-01T00:00:00Z"), order);
        data.item(order, customer, 2, "Router", 1, "15.5", null);
        data.item(order, customer, 1, "Fibre \"1000\" — Büro", 3, "299.10", service);
        data.order(customer, "ACKNOWLEDGED", 2, null, created.plusSeconds(1));
        data.order(customer, "COMPLETED", 0, "Third", created.plusSeconds(2));
        data.order(customer, "COMPLETED", 0, "Fourth, not on a page of 3", created.plusSeconds(3));
        report = data.problemReport(customer, "Line drops at night", contact, order, service);
        data.execute("update problem_report set resolved_at = '2025-05-06T07:08:09.000100Z', resolution = 'Replaced'"
                + " where id = ?", report);
    }

    @Test
    void everyCatalogFieldRendersAsTheEngineRendersIt() {
        Map<String, Object> variables = Map.of("customer", GlobalId.encode(CustomerType.TYPE, customer),
                "report", GlobalId.encode(ProblemReportType.TYPE, report));
        for (String accept : new String[] {"application/json", "application/graphql-response+json"}) {
            String engine = assertSameAnswerTwice(Tokens.agent(), accept, EVERY_FIELD, variables);
            assertTrue(engine.contains("Fibre \\\"1000\\\" — Büro") && engine.contains("\"missing\":null"), engine);
        }
    }

    @Test
    void listsWithFiltersOrderingsCursorsAndCountsRenderAsTheEngineRendersThem() {
        String[][] reports = {
                {"IN_PROGRESS", "CRITICAL", "2025-01-02T03:04:05.5Z"}, {"PENDING", "LOW", "2025-01-02T03:04:00Z"},
                {"IN_PROGRESS", "HIGH", "2025-01-02T03:04:05.123456Z"}, {"HELD", "MEDIUM", "2025-01-02T03:05:00Z"},
                {"IN_PROGRESS", "LOW", "2025-01-02T03:04:05.0001Z"}, {"CLOSED", "HIGH", "2025-01-02T03:04:05.12Z"}};
        for (String[] r : reports) {
            long id = data.problemReport(customer, "Queue " + r[0] + " %_", null, null, null);
            data.execute("update problem_report set status = ?, priority = ?, created_at = ?::timestamptz,"
                    + " updated_at = ?::timestamptz where id = ?", r[0], r[1], r[2], r[2], id);
        }
        String mine = GlobalId.encode(CustomerType.TYPE, customer);
        String page = """
                query Queue($status: [TicketStatus], $priority: [TicketPriority], $before: DateTime, $customer: ID) {
                  problemReports(first: 2, filter: { status: $status, priority: $priority, updatedTo: $before,
                    customerId: $customer }, orderBy: { field: UPDATED_AT, direction: DESC }) { __typename totalCount
                    edges { __typename cursor node { id number title status priority updatedAt customer { name } } }
                    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } }""";
        assertSameAnswerTwice(Tokens.agent(), "application/json", page, Map.of("status", List.of("IN_PROGRESS", "HELD"),
                "priority", List.of(), "before", "2025-01-02T03:05:00Z", "customer", mine));
        String ordered = """
                query($filter: ProblemReportFilter) { byPriority: problemReports(filter: $filter,
                    orderBy: { field: PRIORITY, direction: ASC }) { edges { cursor node { number priority } } }
                  byNumber: problemReports(first: 3, filter: $filter, orderBy: { field: NUMBER, direction: DESC }) {
                    edges { cursor node { number } } pageInfo { hasNextPage endCursor } }
                  byCreation: problemReports(first: 100, filter: { customerId: "%s", search: "PROGRESS %%_",
                    status: IN_PROGRESS, channel: [PORTAL] }) { totalCount edges { cursor node { createdAt } } } }"""
                .formatted(mine);
        assertSameAnswerTwice(Tokens.agent(), "application/json", ordered,
                Map.of("filter", Map.of("customerId", mine, "createdFrom", "2025-01-02T03:04:00Z")));
        String latest = "query($before: DateTime) { problemReports(first: 50, filter: { createdTo: $before },"
                + " orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id number title status"
                + " customer { id name } reportedBy { id name email } relatedService { id name state } } } } }";
        assertSameAnswerTwice(Tokens.agent(), "application/json", latest, Map.of("before", "2025-01-02T03:04:05.2Z"));
        assertSameAnswerTwice(Tokens.customer(otherCustomer), "application/json", latest,
                Map.of("before", "2030-01-01T00:00:00Z"));

        double before = compiled();
        String invalid = post(Tokens.agent(), "application/json", page, Map.of("status", List.of("NOT_A_STATUS"),
                "priority", List.of(), "before", "2025-01-02T03:05:00Z", "customer", mine)).asString();
        assertTrue(invalid.contains("\"errors\""), invalid);
        String badTime = post(Tokens.agent(), "application/json", latest, Map.of("before", "yesterday")).asString();
        assertTrue(badTime.contains("\"errors\""), badTime);
        assertEquals(before, compiled(), "the engine refused both");
    }

    @Test
    void portalUsersReadOnlyTheirOwnCustomerThroughCompiledQueries() {
        String query = """
                query($customer: ID!, $report: ID!) { customer(id: $customer) { name orders(first: 2) { edges { node {
                  number items { productName } } } } } problemReport(id: $report) { title reportedBy { name } } }""";
        Map<String, Object> variables = Map.of("customer", GlobalId.encode(CustomerType.TYPE, customer),
                "report", GlobalId.encode(ProblemReportType.TYPE, report));
        String own = assertSameAnswerTwice(Tokens.customer(customer), "application/json", query, variables);
        assertTrue(own.contains("\"name\":\"Compiled Queries SE\"") && own.contains("Line drops at night"), own);

        double before = compiled();
        String other = post(Tokens.customer(otherCustomer), "application/json", query, variables).asString();
        assertEquals(before + 1, compiled(), "answered by the plan");
        assertEquals("{\"data\":{\"customer\":null,\"problemReport\":null}}", GraphQLClient.compact(other));
    }

    @Test
    void portalUsersSeeNoOtherCustomersRowsThroughLinkTablesAndParentCurrencies() {
        long resource = data.resource("Shared OLT", "OLT", "Site 1", "ENABLE");
        data.link(data.service(customer, "Own fibre", "BROADBAND", "ACTIVE"), resource);
        data.link(data.service(otherCustomer, "Foreign fibre", "BROADBAND", "ACTIVE"), resource);
        for (long owner : new long[] {customer, otherCustomer}) {
            long invoice = data.invoice(owner, "NEW", LocalDate.of(2025, 1, 28), "100.00", "0.00", "0.00");
            data.execute("update invoice set currency = ? where id = ?", owner == customer ? "CHF" : "USD", invoice);
            data.line(invoice, owner, "Line of " + owner, null, null);
            data.payment(invoice, owner, "5.00");
        }
        String query = """
                query($resource: ID!) {
                  services(first: 50) { edges { node { name resources { name services { name } } } } }
                  node(id: $resource) { ... on Resource { name services { name } } }
                  invoices(first: 50) { edges { node { lines { description amount { amount currency } }
                    payments { amount { amount currency } } } } } }""";
        Map<String, Object> variables = Map.of("resource", GlobalId.encode("Resource", resource));
        String portal = assertSameAnswerTwice(Tokens.customer(customer), "application/json", query, variables);
        assertTrue(portal.contains("Own fibre") && portal.contains("\"resources\":[]") && portal.contains("\"node\":null")
                && portal.contains("\"currency\":\"CHF\""), portal);
        assertTrue(!portal.contains("Foreign fibre") && !portal.contains("Line of " + otherCustomer)
                && !portal.contains("USD"), portal);
        String staff = assertSameAnswerTwice(Tokens.agent(), "application/json", query, variables);
        assertTrue(staff.contains("{\"name\":\"Shared OLT\",\"services\":[{\"name\":\"Foreign fibre\"},{\"name\":\"Own fibre\"}]}")
                && staff.contains("\"currency\":\"USD\""), staff);
    }

    @Test
    void orderingsGivenAsVariablesArePlannedOncePerOrdering() {
        String query = """
                query($order: TicketOrder, $customer: ID) { problemReports(first: 5, orderBy: $order,
                  filter: { customerId: $customer }) { edges { cursor node { number title } } } }""";
        String mine = GlobalId.encode(CustomerType.TYPE, customer);
        for (Map<String, Object> order : List.of(Map.<String, Object>of("field", "SLA_DUE", "direction", "ASC"),
                Map.<String, Object>of("direction", "DESC", "field", "NUMBER"), Map.<String, Object>of("field", "PRIORITY", "direction", "ASC"))) {
            assertSameAnswerTwice(Tokens.agent(), "application/json", query, Map.of("order", order, "customer", mine));
        }
        String byDefault = assertSameAnswerTwice(Tokens.agent(), "application/json", query, Map.of("customer", mine));
        assertTrue(byDefault.contains("Line drops at night"), byDefault);
    }

    /** The agent's queue page (bench shape queue): planned, ordering variable included, until it sets a queue. */
    @Test
    void theQueuePageIsPlannedUntilItSetsAQueue() {
        String query = """
                query Queue($status: [TicketStatus], $queue: TicketQueueFilter, $order: TicketOrder) {
                  problemReports(first: 50, filter: { status: $status, queue: $queue }, orderBy: $order) { totalCount
                    edges { cursor node { id number title status priority assignee { name } workGroup { name }
                      category { name } customer { name segment } } } pageInfo { hasNextPage endCursor } } }""";
        Map<String, Object> order = Map.of("field", "SLA_DUE", "direction", "ASC");
        String all = assertSameAnswerTwice(Tokens.agent(), "application/json", query, Map.of("order", order));
        assertTrue(all.contains("Line drops at night"), all);
        double before = compiled();
        String unassigned = post(Tokens.agent(), "application/json", query,
                Map.of("order", order, "queue", Map.of("unassigned", true))).asString();
        assertEquals(before, compiled(), "a queue is the engine's (docs/planner.md)");
        assertTrue(unassigned.contains("Line drops at night") && !unassigned.contains("\"errors\""), unassigned);
    }

    @Test
    void requestsAPlanCannotAnswerGoToTheEngine() {
        String query = "query($id: ID!) { customer(id: $id) { name } }";
        String id = GlobalId.encode(CustomerType.TYPE, customer);
        assertSameAnswerTwice(Tokens.agent(), "application/json", query, Map.of("id", id));

        double before = compiled();
        String wrongType = post(Tokens.agent(), "application/json", query,
                Map.of("id", GlobalId.encode(ProblemReportType.TYPE, report))).asString();
        assertTrue(wrongType.contains("\"code\":\"INVALID_ID\""), wrongType);
        String missing = post(Tokens.agent(), "application/json", query, Map.of()).asString();
        assertTrue(missing.contains("\"errors\""), missing);
        Response anonymous = post(null, "application/json", query, Map.of("id", id));
        assertTrue(anonymous.asString().contains("\"errors\"") && !anonymous.asString().contains("Compiled Queries SE"),
                anonymous.asString());
        assertEquals(before, compiled(), "the engine answered all three");
    }

    @Test
    void clientsNamingTheOperationAreAnsweredByThePlan() {
        String query = "query CustomerName($id: ID!) { customer(id: $id) { name } }";
        Map<String, Object> variables = Map.of("id", GlobalId.encode(CustomerType.TYPE, customer));
        String engine = post(Tokens.agent(), "application/json", query, variables).asString();
        double before = compiled();
        Response named = given().contentType("application/json").accept("application/json").auth().oauth2(Tokens.agent())
                .body(Map.of("query", query, "variables", variables, "operationName", "CustomerName"))
                .when().post("/graphql").andReturn();
        assertEquals(before + 1, compiled());
        assertEquals(GraphQLClient.compact(engine), GraphQLClient.compact(named.asString()));
        Response other = given().contentType("application/json").accept("application/json").auth().oauth2(Tokens.agent())
                .body(Map.of("query", query, "variables", variables, "operationName", "Other"))
                .when().post("/graphql").andReturn();
        assertEquals(before + 1, compiled(), "the engine answers an unknown operation");
        assertTrue(other.asString().contains("\"errors\""), other.asString());
    }

    @Test
    void nestedConnectionsDirectivesAndOrderingsArePlanned() {
        String id = GlobalId.encode(CustomerType.TYPE, customer);
        for (String query : new String[] {
                "query($id: ID!) { customer(id: $id) { orders(first: 2) { totalCount edges { node { id } } } } }",
                "query($id: ID!) { customer(id: $id) { orders(first: 2) { pageInfo { hasNextPage hasPreviousPage"
                        + " startCursor endCursor } edges { cursor } } } }",
                "query($id: ID!) { customer(id: $id) { invoices(first: 1) { edges { node { id } } } } }",
                "query($id: ID!) { customer(id: $id) { orders(first: 2, orderBy: {field: ORDER_DATE, direction: DESC}) {"
                        + " edges { node { id } } } } }",
                "query($id: ID!) { customer(id: $id) { orders(last: 2) { edges { cursor node { number } }"
                        + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }",
                // Aliases of one connection with different arguments (each answered with its own, see AliasedBatchFieldsTest).
                "query($id: ID!) { customer(id: $id) { orders(first: 1) { edges { node { id } } }"
                        + " all: orders { edges { node { id } } } } }"}) {
            assertSameAnswerTwice(Tokens.agent(), "application/json", query, Map.of("id", id));
        }
        // node/nodes: a branch per type, nulls for unknown and invisible rows, in the order of the ids.
        String missing = GlobalId.encode(CustomerType.TYPE, Long.MAX_VALUE);
        String nodes = assertSameAnswerTwice(Tokens.customer(customer), "application/json", "query($ids: [ID!]!) { nodes(ids: $ids) {"
                + " __typename id ... on Customer { name orders(first: 1) { totalCount } } } one: node(id: \"" + id + "\") { id } }",
                Map.of("ids", List.of(missing, id, id)));
        assertTrue(nodes.contains("\"nodes\":[null,{\"__typename\":\"Customer\""), nodes);
        String directive = "query($id: ID!, $all: Boolean!) { customer(id: $id) { name @include(if: $all)"
                + " segment @skip(if: $all) } }";
        String with = assertSameAnswerTwice(Tokens.agent(), "application/json", directive, Map.of("id", id, "all", true));
        String without = assertSameAnswerTwice(Tokens.agent(), "application/json", directive,
                Map.of("id", id, "all", false));
        assertTrue(with.contains("\"name\"") && !with.contains("segment") && without.contains("segment")
                && !without.contains("\"name\""), with + without);
    }

    @Test
    void theFirstRequestOfADocumentIsPlannedOverPostAndGet() {
        String id = GlobalId.encode(CustomerType.TYPE, customer);
        String query = "query First" + System.nanoTime() + "($id: ID!) { customer(id: $id) { name accountNumber } }";
        double before = compiled();
        String engine = post(Tokens.agent(), "application/json", query, Map.of("id", id), true).asString();
        String first = post(Tokens.agent(), "application/json", query, Map.of("id", id)).asString();
        assertEquals(before + 1, compiled(), "the document's first request was answered by its plan");
        assertEquals(GraphQLClient.compact(engine), GraphQLClient.compact(first));

        String get = "query FirstGet" + System.nanoTime() + "($id: ID!) { customer(id: $id) { name } }";
        Response byGet = given().accept("application/json").auth().oauth2(Tokens.agent())
                .queryParam("query", get).queryParam("variables", "{\"id\":\"" + id + "\"}")
                .when().get("/graphql").andReturn();
        assertEquals(before + 2, compiled(), "a GET query is planned too");
        assertEquals("{\"data\":{\"customer\":{\"name\":\"Compiled Queries SE\"}}}", GraphQLClient.compact(byGet.asString()));
    }

    @Test
    void aDocumentFirstSeenWithBadVariablesIsTheEnginesAndPlansLater() {
        String query = "query Later" + System.nanoTime() + "($first: Int) { customers(first: $first) { totalCount } }";
        double before = compiled();
        String wrongType = post(Tokens.agent(), "application/json", query, Map.of("first", "many")).asString();
        assertTrue(wrongType.contains("\"errors\""), wrongType);
        String tooMany = post(Tokens.agent(), "application/json", query, Map.of("first", 4294967396L)).asString();
        assertTrue(tooMany.contains("BAD_USER_INPUT"), tooMany);
        String invalid = post(Tokens.agent(), "application/json", query.replace("totalCount", "noSuchField"), Map.of()).asString();
        assertTrue(invalid.contains("GRAPHQL_VALIDATION_FAILED"), invalid);
        assertEquals(before, compiled(), "the engine refused all three");
        post(Tokens.agent(), "application/json", query, Map.of("first", 2)).then().statusCode(200);
        assertEquals(before + 1, compiled(), "the same document with good variables is planned");
    }

    @Test
    void documentsBeyondTheCatalogStayOnTheEngine() {
        String id = GlobalId.encode(CustomerType.TYPE, customer);
        for (String query : new String[] {"query($id: ID!) { customer(id: $id) { id satisfaction { average } } }"}) {
            Map<String, Object> variables = Map.of("id", id);
            String first = post(Tokens.agent(), "application/json", query, variables).asString();
            double before = compiled();
            String second = post(Tokens.agent(), "application/json", query, variables).asString();
            assertEquals(before, compiled(), query);
            assertEquals(GraphQLClient.compact(first), GraphQLClient.compact(second));
            assertTrue(!first.contains("\"errors\""), first);
        }
    }

    /** Posts the document to the engine and then as clients do: the plan answers, identically. */
    private String assertSameAnswerTwice(String token, String accept, String query, Map<String, Object> variables) {
        Response engine = post(token, accept, query, variables, true);
        double before = compiled();
        Response plan = post(token, accept, query, variables);
        assertEquals(before + 1, compiled(), "answered by the plan");
        assertEquals(200, engine.statusCode(), engine.asString());
        assertTrue(!engine.asString().contains("\"errors\""), engine.asString());
        assertEquals(engine.statusCode(), plan.statusCode());
        assertEquals(engine.contentType(), plan.contentType());
        assertEquals(GraphQLClient.compact(engine.asString()), GraphQLClient.compact(plan.asString()));
        return GraphQLClient.compact(engine.asString());
    }

    private static Response post(String token, String accept, String query, Map<String, Object> variables) {
        return post(token, accept, query, variables, false);
    }

    private static Response post(String token, String accept, String query, Map<String, Object> variables, boolean engine) {
        return (engine ? GraphQLClient.reference(token, accept, query, variables)
                : GraphQLClient.post(token, accept, query, variables)).extract().response();
    }

    private double compiled() {
        // Registered when the planner answers first (its bean starts then).
        var timer = registry.find("supportgraph.graphql.compiled").timer();
        return timer == null ? 0 : timer.count();
    }
}
