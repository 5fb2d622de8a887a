package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SLA policies changed through the API: a new version for new tickets, the old one kept for the tickets that run on it. */
@QuarkusTest
class SlaPolicyAdminTest {

    private static final String POLICY = "slaPolicy { id version responseMinutes resolutionMinutes resolutionPauseStates creditPercent"
            + " validFrom validTo changedBy changeReason }";

    @Inject
    DataSource ds;

    @Test
    void aChangeMakesTheNextVersionForNewTicketsAndKeepsTheOld() {
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Policy Test', 'SMALL_BUSINESS', 700) returning id",
                "POL-" + UUID.randomUUID());
        Map<String, Object> first = inForce();
        String firstId = (String) first.get("id");
        int version = (Integer) first.get("version");
        int resolution = (Integer) first.get("resolutionMinutes");
        int response = (Integer) first.get("responseMinutes");
        String before = report(customer);

        JsonPath changed = update(Tokens.admin(), firstId, version, "responseMinutes: 10, resolutionMinutes: 100, resolutionPauseStates: [PENDING, HELD], "
                + "creditPercent: \"7.5\", reason: \"New contract terms\"");
        assertEquals(List.of(), changed.getList("userErrors"));
        String secondId = changed.getString("slaPolicy.id");
        try {
            assertEquals(version + 1, changed.getInt("slaPolicy.version"));
            assertEquals(100, changed.getInt("slaPolicy.resolutionMinutes"));
            assertEquals(List.of("PENDING", "HELD"), changed.getList("slaPolicy.resolutionPauseStates"));
            assertEquals("7.50", changed.getString("slaPolicy.creditPercent"));
            assertEquals("admin@supportgraph.dev", changed.getString("slaPolicy.changedBy"));
            assertEquals("New contract terms", changed.getString("slaPolicy.changeReason"));
            assertNull(changed.get("slaPolicy.validTo"));
            String after = report(customer);

            assertEquals(resolution, policyOf(before).getInt("resolutionMinutes"), "a ticket keeps the version it was created under");
            assertEquals(100, policyOf(after).getInt("resolutionMinutes"), "a new ticket runs on the new version");
            assertEquals(secondId, policyOf(after).getString("id"));

            // The replaced version is history: readable, not changeable; wrong input changes nothing.
            assertEquals("STALE_OBJECT", update(Tokens.admin(), firstId, version, "responseMinutes: 20").getString("userErrors[0].code"));
            assertEquals("STALE_OBJECT", update(Tokens.admin(), secondId, version, "responseMinutes: 20").getString("userErrors[0].code"));
            JsonPath tooShort = update(Tokens.admin(), secondId, version + 1, "resolutionMinutes: 5");
            assertEquals("BAD_USER_INPUT", tooShort.getString("userErrors[0].code"));
            assertEquals(List.of("input", "resolutionMinutes"), tooShort.getList("userErrors[0].field"));
            assertEquals(List.of("input", "resolutionPauseStates"), update(Tokens.admin(), secondId, version + 1, "resolutionPauseStates: [IN_PROGRESS]")
                    .getList("userErrors[0].field"));
            assertEquals(List.of("input", "creditPercent"), update(Tokens.admin(), secondId, version + 1, "creditPercent: \"101\"")
                    .getList("userErrors[0].field"));
            assertEquals("FORBIDDEN", update(Tokens.agent(), secondId, version + 1, "responseMinutes: 20").getString("userErrors[0].code"));
            List<Map<String, Object>> history = GraphQLClient.post(Tokens.agent(), "{ slaPolicies(includeHistory: true) { id segment priority version validTo } }")
                    .extract().jsonPath().getList("data.slaPolicies.findAll { it.segment == 'SMALL_BUSINESS' && it.priority == 'LOW' }");
            assertEquals(version + 1, history.size(), "every version, none added by the refused changes");
            assertNotNull(history.get(version - 1).get("validTo"));
            assertEquals(secondId, history.getLast().get("id"));
        } finally {
            update(Tokens.admin(), secondId, version + 1, "responseMinutes: " + response + ", resolutionMinutes: " + resolution
                    + ", resolutionPauseStates: [PENDING], creditPercent: \"" + first.get("creditPercent") + "\", reason: \"Test over\"");
        }
    }

    @Test
    void aCategoryGetsItsOwnPolicyWithBusinessHoursEditedThroughTheApi() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Category Policy', 'WHOLESALE', 700) returning id",
                "CAT-" + tag);
        String category = GlobalId.encode("TicketCategory", Sql.exec(ds, "insert into ticket_category (code, name) values (?, 'Fibre cut') returning id",
                "FIBRE_" + tag));
        String create = "{segment: WHOLESALE, priority: MEDIUM, categoryId: \"" + category + "\", responseMinutes: 5, resolutionMinutes: 50, "
                + "businessHours: {timeZone: \"Europe/Zurich\", workingDays: [\"FRIDAY\", \"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\"], opens: \"08:00\", "
                + "closes: \"18:00\", holidays: [\"2030-12-25\", \"2030-01-01\"]}, reason: \"Fibre cuts are urgent\"}";
        String selection = POLICY + " slaPolicy { categoryId businessHours { timeZone workingDays opens closes holidays } }";
        assertEquals("FORBIDDEN", GraphQLClient.mutate(Tokens.agent(), "slaPolicyCreate", create, "slaPolicy { id }").getString("userErrors[0].code"));
        JsonPath created = GraphQLClient.mutate(Tokens.admin(), "slaPolicyCreate", create, selection);
        assertEquals(List.of(), created.getList("userErrors"));
        String policy = created.getString("slaPolicy.id");
        assertEquals(1, created.getInt("slaPolicy.version"));
        assertEquals(category, created.getString("slaPolicy.categoryId"));
        assertEquals(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), created.getList("slaPolicy.businessHours.workingDays"));
        assertEquals(List.of("2030-01-01", "2030-12-25"), created.getList("slaPolicy.businessHours.holidays"));
        assertEquals("BUSINESS_RULE", GraphQLClient.mutate(Tokens.admin(), "slaPolicyCreate", create, "slaPolicy { id }").getString("userErrors[0].code"));

        // Bad calendars are userErrors on their field, and change nothing.
        Map<String, List<String>> bad = Map.of(
                "businessHours: {timeZone: \"Mars/Olympus\", workingDays: [\"MONDAY\"], opens: \"09:00\", closes: \"17:00\"}", List.of("timeZone"),
                "businessHours: {timeZone: \"UTC\", workingDays: [], opens: \"09:00\", closes: \"17:00\"}", List.of("workingDays"),
                "businessHours: {timeZone: \"UTC\", workingDays: [\"Monday\"], opens: \"09:00\", closes: \"17:00\"}", List.of("workingDays"),
                "businessHours: {timeZone: \"UTC\", workingDays: [\"MONDAY\"], opens: \"9am\", closes: \"17:00\"}", List.of("opens"),
                "businessHours: {timeZone: \"UTC\", workingDays: [\"MONDAY\"], opens: \"17:00\", closes: \"09:00\"}", List.of("closes"));
        bad.forEach((fields, field) -> {
            JsonPath refused = update(Tokens.admin(), policy, 1, fields);
            assertEquals("BAD_USER_INPUT", refused.getString("userErrors[0].code"), fields);
            assertEquals(List.of("input", "businessHours", field.getFirst()), refused.getList("userErrors[0].field"), fields);
        });
        assertEquals(List.of("input", "aroundTheClock"), update(Tokens.admin(), policy, 1, "aroundTheClock: true, businessHours: "
                + "{timeZone: \"UTC\", workingDays: [\"MONDAY\"], opens: \"09:00\", closes: \"17:00\"}").getList("userErrors[0].field"));
        assertEquals(1, Sql.count(ds, "select count(*) from sla_policy where ? = any(category_ids)", GlobalId.decode("TicketCategory", category)));

        JsonPath clocked = GraphQLClient.mutate(Tokens.admin(), "slaPolicyUpdate", "{id: \"" + policy + "\", expectedVersion: 1, aroundTheClock: true}", selection);
        assertEquals(List.of(), clocked.getList("userErrors"));
        assertNull(clocked.get("slaPolicy.businessHours"));
        assertEquals(category, clocked.getString("slaPolicy.categoryId"), "a version keeps its category");
        assertEquals(50, clocked.getInt("slaPolicy.resolutionMinutes"));

        // A new ticket of the category runs on the category's policy, one without a category on the default.
        String fibre = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Cut\", severity: MAJOR, priority: MEDIUM, categoryId: \"" + category + "\"}", "problemReport { id }").getString("problemReport.id");
        String other = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Slow\", severity: MAJOR, priority: MEDIUM}", "problemReport { id }").getString("problemReport.id");
        assertEquals(clocked.getString("slaPolicy.id"), policyOf(fibre).getString("id"));
        assertEquals(50, policyOf(fibre).getInt("resolutionMinutes"));
        String fallback = GraphQLClient.post(Tokens.agent(), "{ slaPolicies { id segment priority categoryId } }").extract().jsonPath()
                .getString("data.slaPolicies.find { it.segment == 'WHOLESALE' && it.priority == 'MEDIUM' && it.categoryId == null }.id");
        assertEquals(fallback, policyOf(other).getString("id"));
    }

    @Test
    void aPolicyNamesASetOfCategories() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Category Set', 'SMALL_BUSINESS', 700) returning id",
                "SET-" + tag);
        String outage = category("OUTAGE_" + tag);
        String cut = category("CUT_" + tag);
        String billing = category("BILLING_" + tag);
        String retired = category("RETIRED_" + tag);
        Sql.exec(ds, "update ticket_category set active = false where id = ?", GlobalId.decode("TicketCategory", retired));
        String selection = POLICY + " slaPolicy { categoryId categoryIds }";

        JsonPath created = create("categoryIds: [\"" + cut + "\", \"" + outage + "\", \"" + cut + "\"]", selection);
        assertEquals(List.of(), created.getList("userErrors"));
        assertEquals(List.of(outage, cut), created.getList("slaPolicy.categoryIds"), "distinct, in key order");
        assertEquals(outage, created.getString("slaPolicy.categoryId"), "the deprecated field shows the first");
        assertEquals(30, created.getInt("slaPolicy.resolutionMinutes"));
        String policy = created.getString("slaPolicy.id");

        // Refused, each a userError on its field that inserts nothing.
        Map<String, List<String>> refused = Map.of(
                "categoryId: \"" + billing + "\", categoryIds: [\"" + billing + "\"]", List.of("BAD_USER_INPUT", "categoryIds"),
                "categoryIds: []", List.of("BAD_USER_INPUT", "categoryIds"),
                "categoryIds: [\"" + billing + "\", \"" + cut + "\"]", List.of("BUSINESS_RULE", "categoryIds"),
                "categoryId: \"" + cut + "\"", List.of("BUSINESS_RULE", "categoryId"),
                "categoryIds: [\"" + billing + "\", \"" + retired + "\"]", List.of("BUSINESS_RULE", "categoryIds"),
                "categoryIds: [\"" + GlobalId.encode("TicketCategory", Long.MAX_VALUE) + "\"]", List.of("NOT_FOUND", "categoryIds"),
                "categoryIds: [\"" + GlobalId.encode("Customer", customer) + "\"]", List.of("INVALID_ID", "categoryIds"));
        refused.forEach((fields, error) -> {
            JsonPath payload = create(fields, "slaPolicy { id }");
            assertEquals(error.getFirst(), payload.getString("userErrors[0].code"), fields);
            assertEquals(List.of("input", error.getLast()), payload.getList("userErrors[0].field"), fields);
            assertNull(payload.get("slaPolicy"), fields);
        });
        // A null in the list is refused before anything runs, as in every list input (InputCheck).
        GraphQLClient.post(Tokens.admin(), "mutation { slaPolicyCreate(input: {segment: SMALL_BUSINESS, priority: MEDIUM, "
                        + "categoryIds: [null], responseMinutes: 10, resolutionMinutes: 30}) { slaPolicy { id } } }")
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("slaPolicyCreate", "input", "categoryIds", "0"));
        assertEquals("BAD_USER_INPUT", GraphQLClient.mutate(Tokens.admin(), "slaPolicyCreate", "{segment: SMALL_BUSINESS, priority: MEDIUM}",
                "slaPolicy { id }").getString("userErrors[0].code"), "a category is required");
        assertEquals(0, Sql.count(ds, "select count(*) from sla_policy where ? = any(category_ids)", GlobalId.decode("TicketCategory", billing)));
        assertEquals(List.of(), create("categoryIds: [\"" + billing + "\"]", selection).getList("userErrors"),
                "the category without a policy can have its own");

        // A new version keeps the set; tickets of either category run on it, others on their own policy or the default.
        JsonPath changed = update(Tokens.admin(), policy, 1, "resolutionMinutes: 45");
        assertEquals(List.of(), changed.getList("userErrors"));
        String version2 = changed.getString("slaPolicy.id");
        assertEquals(List.of(outage, cut), GraphQLClient.post(Tokens.admin(), "{ node(id: \"" + version2 + "\") { ... on SlaPolicy { categoryIds } } }")
                .extract().jsonPath().getList("data.node.categoryIds"));
        assertEquals(version2, policyOf(report(customer, outage)).getString("id"));
        assertEquals(45, policyOf(report(customer, cut)).getInt("resolutionMinutes"));
        String fallback = GraphQLClient.post(Tokens.agent(), "{ slaPolicies { id segment priority categoryIds } }").extract().jsonPath()
                .getString("data.slaPolicies.find { it.segment == 'SMALL_BUSINESS' && it.priority == 'MEDIUM' && it.categoryIds.isEmpty() }.id");
        assertEquals(fallback, policyOf(report(customer, null)).getString("id"));
    }

    private String category(String code) {
        return GlobalId.encode("TicketCategory", Sql.exec(ds, "insert into ticket_category (code, name) values (?, 'Set member') returning id", code));
    }

    private static JsonPath create(String categories, String selection) {
        return GraphQLClient.mutate(Tokens.admin(), "slaPolicyCreate", "{segment: SMALL_BUSINESS, priority: MEDIUM, " + categories
                + ", responseMinutes: 10, resolutionMinutes: 30}", selection);
    }

    /** A MEDIUM report of the customer in the category (none: null). */
    private static String report(long customer, String category) {
        return GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Set\", severity: MINOR, priority: MEDIUM" + (category == null ? "" : ", categoryId: \"" + category + "\"") + "}",
                "problemReport { id }").getString("problemReport.id");
    }

    private static Map<String, Object> inForce() {
        return GraphQLClient.post(Tokens.admin(), "{ slaPolicies { id segment priority version responseMinutes resolutionMinutes creditPercent } }")
                .extract().jsonPath().getMap("data.slaPolicies.find { it.segment == 'SMALL_BUSINESS' && it.priority == 'LOW' }");
    }

    private static JsonPath update(String token, String id, int expectedVersion, String fields) {
        return GraphQLClient.mutate(token, "slaPolicyUpdate", "{id: \"" + id + "\", expectedVersion: " + expectedVersion + ", " + fields + "}", POLICY);
    }

    private static String report(long customer) {
        return GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Policy\", severity: MINOR, priority: LOW}", "problemReport { id }").getString("problemReport.id");
    }

    private static JsonPath policyOf(String report) {
        return GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + report + "\") { ... on ProblemReport { sla { policy { id resolutionMinutes } } } } }")
                .extract().jsonPath().setRootPath("data.node.sla.policy");
    }
}
