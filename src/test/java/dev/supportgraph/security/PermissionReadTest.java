package dev.supportgraph.security;

import dev.supportgraph.security.PermissionWorld.Side;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.supportgraph.security.PermissionWorld.INTERNAL_NOTE;
import static dev.supportgraph.security.PermissionWorld.PUBLIC_NOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read side of the permission matrix (docs/security.md), type by role, through every path: node(id:),
 * nodes(ids:), the top-level connection with its totalCount and a nested field. Staff read every
 * type; a portal user of customer A sees A's own objects, never B's (null, absent, not counted)
 * and never resources, service or resource troubles, or INTERNAL notes.
 */
@QuarkusTest
class PermissionReadTest {

    /** What a system of record reads (of every customer): the reference data and alarms it writes, nothing else. */
    private static final Set<String> REFERENCE_DATA = Set.of("Customer", "Contact", "Service", "Resource", "Alarm");

    /** Both sides are built once for the class; B is the "other customer" for A's portal user. */
    private static Side a;
    private static Side b;

    @Inject
    PermissionWorld world;

    enum Who {
        AGENT, SRE, ADMIN, CUSTOMER_A, INTEGRATION;

        String token() {
            return switch (this) {
                case AGENT -> Tokens.agent();
                case SRE -> Tokens.sre();
                case ADMIN -> Tokens.admin();
                case CUSTOMER_A -> Tokens.customer(a.key("Customer"));
                case INTEGRATION -> Tokens.integration();
            };
        }
    }

    /**
     * One way to reach a type. {@code connection} is the top-level list narrowed to one side
     * ({@code %1$s} = the side's tag, {@code %2$s} = its customer's id), null when the type has
     * none; {@code nested} is a field of {@code parent} listing the object (ids at {@code idsPath}).
     */
    enum Path {
        CUSTOMER("Customer", true, "customers(filter: {search: \"%1$s\"})", "ProductOrder", "customer { id }"),
        CUSTOMER_OF_INVOICE("Customer", true, null, "Invoice", "customer { id }"),
        CONTACT("Contact", true, null, "Customer", "contacts { id }"),
        PRODUCT_ORDER("ProductOrder", true, "orders(filter: {customerId: \"%2$s\"})", "Customer",
                "orders(first: 5) { totalCount edges { node { id } } }"),
        ORDER_OF_LINE("ProductOrder", true, null, "InvoiceLine", "order { id }"),
        ORDER_ITEM("OrderItem", true, null, "ProductOrder", "items { id }"),
        SERVICE("Service", true, "services(filter: {customerId: \"%2$s\"})", "Customer", "services { id }"),
        SERVICE_OF_ITEM("Service", true, null, "OrderItem", "service { id }"),
        SERVICE_OF_TROUBLE("Service", true, null, "ServiceTrouble", "affectedServices { id }"),
        RESOURCE("Resource", false, "resources(filter: {search: \"%1$s\"})", "Service", "resources { id }"),
        INVOICE("Invoice", true, "invoices(filter: {customerId: \"%2$s\"})", "Customer",
                "invoices(first: 5) { totalCount edges { node { id } } }"),
        INVOICE_LINE("InvoiceLine", true, null, "Invoice", "lines { id }"),
        LINE_OF_ORDER("InvoiceLine", true, null, "ProductOrder", "invoiceLines { id }"),
        PAYMENT("Payment", true, null, "Invoice", "payments { id }"),
        ADJUSTMENT("Adjustment", true, null, "Invoice", "adjustments { id }"),
        PROBLEM_REPORT("ProblemReport", true, "problemReports(filter: {customerId: \"%2$s\"})", "Customer",
                "problemReports(first: 5) { totalCount edges { node { id } } }"),
        REPORT_OF_SERVICE("ProblemReport", true, null, "Service", "problemReports { id }"),
        REPORT_OF_TROUBLE("ProblemReport", true, null, "ServiceTrouble", "problemReports { id }"),
        SERVICE_TROUBLE("ServiceTrouble", false, "serviceTroubles(filter: {search: \"%1$s\"})", "ProblemReport",
                "serviceTroubles { id }"),
        TROUBLE_OF_SERVICE("ServiceTrouble", false, null, "Service", "serviceTroubles { id }"),
        RESOURCE_TROUBLE("ResourceTrouble", false, "resourceTroubles(filter: {search: \"%1$s\"})", "ServiceTrouble",
                "resourceTroubles { id }"),
        TROUBLE_OF_RESOURCE("ResourceTrouble", false, null, "Resource", "resourceTroubles { id }"),
        ALARM("Alarm", false, "alarms(filter: {sourceSystem: [\"%1$s\"]})", "ResourceTrouble", "alarms { id }"),
        NOTE_PUBLIC(PUBLIC_NOTE, true, null, "ProblemReport", "notes { id }"),
        NOTE_INTERNAL(INTERNAL_NOTE, false, null, "ProblemReport", "notes { id }");

        final String type;
        final boolean portalSeesOwn;
        final String connection;
        final String parent;
        final String nested;

        Path(String type, boolean portalSeesOwn, String connection, String parent, String nested) {
            this.type = type;
            this.portalSeesOwn = portalSeesOwn;
            this.connection = connection;
            this.parent = parent;
            this.nested = nested;
        }

        /** The parent's path, for whether the nested field is reachable at all. */
        Path parentPath() {
            return Arrays.stream(values()).filter(p -> p.type.equals(parent)).findFirst().orElseThrow();
        }

        boolean visible(Who who, Side side) {
            return switch (who) {
                case CUSTOMER_A -> side == a && portalSeesOwn;
                case INTEGRATION -> REFERENCE_DATA.contains(type);
                default -> true;
            };
        }
    }

    @BeforeEach
    void buildWorldOnce() {
        if (a == null) {
            String tag = "perm-" + UUID.randomUUID().toString().substring(0, 8);
            a = world.side(tag + "-A");
            b = world.side(tag + "-B");
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Path.values()).flatMap(p -> Arrays.stream(Who.values()).map(c -> Arguments.of(p, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void everyPathFollowsTheMatrix(Path path, Who who) {
        String token = who.token();
        List<String> expectedNodes = new ArrayList<>();
        for (Side side : List.of(a, b)) {
            String id = side.id(path.type);
            boolean visible = path.visible(who, side);
            expectedNodes.add(visible ? id : null);

            JsonPath node = GraphQLClient.query(token, "{ node(id: \"" + id + "\") { id } }");
            assertEquals(visible ? id : null, node.getString("data.node.id"), "node(id:) of " + side.tag());

            if (path.connection != null) {
                String field = String.format(path.connection, side.tag(), side.id("Customer"));
                JsonPath list = GraphQLClient.query(token, "{ list: " + field + " { totalCount edges { node { id } } } }");
                assertEquals(visible ? List.of(id) : List.of(), list.getList("data.list.edges.node.id"), "connection of " + side.tag());
                assertEquals(visible ? 1 : 0, list.getInt("data.list.totalCount"), "totalCount of " + side.tag());
            }

            String parentId = side.id(path.parent);
            JsonPath nested = GraphQLClient.query(token, "{ node(id: \"" + parentId + "\") { id ... on " + path.parent + " { " + path.nested + " } } }");
            if (!path.parentPath().visible(who, side)) {
                assertNull(nested.get("data.node"), "parent " + path.parent + " of " + side.tag());
                continue;
            }
            Object found = nested.get("data.node");
            assertEquals(visible, ids(found).contains(id), () -> "nested " + path.nested + " of " + side.tag() + ": " + nested.prettify());
            if (path.nested.contains("totalCount")) {
                assertEquals(visible ? 1 : 0, nested.getInt("data.node." + path.nested.split("\\(")[0] + ".totalCount"),
                        "nested totalCount of " + side.tag());
            }
        }
        JsonPath nodes = GraphQLClient.query(token, "{ nodes(ids: [\"" + a.id(path.type) + "\", \"" + b.id(path.type) + "\"]) { id } }");
        List<Map<String, String>> found = nodes.getList("data.nodes");
        assertEquals(expectedNodes, found.stream().map(n -> n == null ? null : n.get("id")).toList(), "nodes(ids:)");
    }

    @Test
    void aPortalUserCountsOnlyTheirOwnObjects() {
        JsonPath json = GraphQLClient.query(Tokens.customer(a.key("Customer")), """
                { customers { totalCount } orders { totalCount } services { totalCount } invoices { totalCount }
                  problemReports { totalCount } resources { totalCount } serviceTroubles { totalCount } resourceTroubles { totalCount } }""");
        assertEquals(Map.of("customers", 1, "orders", 1, "services", 1, "invoices", 1, "problemReports", 1,
                "resources", 0, "serviceTroubles", 0, "resourceTroubles", 0), totals(json));
    }

    @Test
    void aSystemOfRecordCountsReferenceDataOnly() {
        Map<String, Integer> totals = totals(GraphQLClient.query(Tokens.integration(), """
                { customers { totalCount } services { totalCount } resources { totalCount } orders { totalCount }
                  invoices { totalCount } problemReports { totalCount } serviceTroubles { totalCount } resourceTroubles { totalCount } }"""));
        for (String readable : List.of("customers", "services", "resources")) {
            assertTrue(totals.get(readable) >= 2, readable + ": " + totals);
        }
        for (String hidden : List.of("orders", "invoices", "problemReports", "serviceTroubles", "resourceTroubles")) {
            assertEquals(0, totals.get(hidden), hidden + ": " + totals);
        }
    }

    @Test
    void aPortalUserSeesTheStatusHistoryOfTheirOwnReportsOnly() {
        String query = "{ nodes(ids: [\"" + a.id("ProblemReport") + "\", \"" + b.id("ProblemReport") + "\"]) "
                + "{ ... on ProblemReport { statusHistory { to } } } }";
        assertEquals(Arrays.asList(Map.of("statusHistory", List.of(Map.of("to", "ACKNOWLEDGED"))), null),
                GraphQLClient.query(Tokens.customer(a.key("Customer")), query).getList("data.nodes"));
    }

    private static Map<String, Integer> totals(JsonPath json) {
        Map<String, Map<String, Integer>> data = json.getMap("data");
        return data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("totalCount")));
    }

    /** Every {@code id} below the parent object {@code value} (its own id left out). */
    private static List<String> ids(Object value) {
        List<String> ids = new ArrayList<>();
        collect(value, ids, true);
        return ids;
    }

    private static void collect(Object value, List<String> ids, boolean root) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("id".equals(k) && !root) {
                    ids.add((String) v);
                } else {
                    collect(v, ids, false);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, ids, false));
        }
    }
}
