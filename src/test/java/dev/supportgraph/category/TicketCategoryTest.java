package dev.supportgraph.category;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The category taxonomy: managed by admin and integration, read by all, set on tickets with history, filtered on by queues. */
@QuarkusTest
class TicketCategoryTest {

    @Inject
    DataSource ds;

    @Test
    void categoriesAreManagedSetOnTicketsWithHistoryAndFilteredOn() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String outage = create(Tokens.admin(), "OUTAGE_" + tag, "Network outage").getString("ticketCategory.id");
        String billing = create(Tokens.integration(), "BILLING_" + tag, "Billing question").getString("ticketCategory.id");

        assertEquals("BAD_USER_INPUT", create(Tokens.admin(), "not a code", "Bad").getString("userErrors[0].code"));
        assertEquals("BUSINESS_RULE", create(Tokens.admin(), "OUTAGE_" + tag, "Again").getString("userErrors[0].code"));
        assertEquals(0, Sql.count(ds, "select count(*) from ticket_category where code = 'not a code' or name = 'Again'"));
        for (String token : List.of(Tokens.agent(), Tokens.customer(Fixtures.customer(ds, 700)), Tokens.integration())) {
            assertTrue(codes(token, false).contains("OUTAGE_" + tag), "reference data everyone reads");
        }

        // Set at creation and changed by an update: each change is in the history, the queue filters on it.
        long customer = Fixtures.customer(ds, 700);
        JsonPath created = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Down\", severity: MAJOR, priority: HIGH, categoryId: \"" + outage + "\"}", "problemReport { id version category { code } }");
        assertEquals("OUTAGE_" + tag, created.getString("problemReport.category.code"));
        String report = created.getString("problemReport.id");
        JsonPath updated = GraphQLClient.mutate(Tokens.agent(), "problemReportUpdate", "{id: \"" + report + "\", expectedVersion: 0, categoryId: \""
                + billing + "\", reason: \"It is the invoice\"}", "problemReport { version category { code } fieldChanges { field oldValue newValue reason } }");
        assertEquals("BILLING_" + tag, updated.getString("problemReport.category.code"));
        assertEquals(List.of(Map.of("field", "CATEGORY", "oldValue", "OUTAGE_" + tag, "newValue", "BILLING_" + tag, "reason", "It is the invoice")),
                updated.getList("problemReport.fieldChanges"));
        assertEquals(List.of(report), inQueue(customer, billing));
        assertEquals(List.of(), inQueue(customer, outage));

        // Troubles have the same update: staff only, version checked, every change recorded.
        String trouble = GraphQLClient.mutate(Tokens.sre(), "serviceTroubleCreate", "{title: \"Core\", severity: MAJOR, priority: LOW, impact: MINOR, "
                + "urgency: LOW, categoryId: \"" + outage + "\"}", "serviceTrouble { id }").getString("serviceTrouble.id");
        JsonPath stale = GraphQLClient.mutate(Tokens.sre(), "serviceTroubleUpdate", "{id: \"" + trouble + "\", expectedVersion: 7, priority: HIGH}",
                "serviceTrouble { id }");
        assertEquals("STALE_OBJECT", stale.getString("userErrors[0].code"));
        JsonPath troubleUpdated = GraphQLClient.mutate(Tokens.sre(), "serviceTroubleUpdate", "{id: \"" + trouble + "\", expectedVersion: 0, "
                + "priority: HIGH, title: \"Core router\", categoryId: \"" + billing + "\"}", "serviceTrouble { priority title category { code } fieldChanges { field oldValue newValue } }");
        assertEquals("HIGH", troubleUpdated.getString("serviceTrouble.priority"));
        assertEquals(List.of("TITLE", "PRIORITY", "CATEGORY"), troubleUpdated.getList("serviceTrouble.fieldChanges.field"));
        assertEquals(List.of("Core", "LOW", "OUTAGE_" + tag), troubleUpdated.getList("serviceTrouble.fieldChanges.oldValue"));

        // Renamed with its version; deactivated: gone from the default list, kept by its tickets, not chosen again.
        assertEquals("STALE_OBJECT", GraphQLClient.mutate(Tokens.admin(), "ticketCategoryUpdate", "{id: \"" + billing + "\", expectedVersion: 3, name: \"X\"}",
                "ticketCategory { id }").getString("userErrors[0].code"));
        assertEquals("Invoices", GraphQLClient.mutate(Tokens.admin(), "ticketCategoryUpdate", "{id: \"" + billing + "\", expectedVersion: 0, name: \"Invoices\"}",
                "ticketCategory { name }").getString("ticketCategory.name"));
        JsonPath deactivated = GraphQLClient.mutate(Tokens.admin(), "ticketCategoryDeactivate", "{id: \"" + billing + "\", expectedVersion: 1}",
                "ticketCategory { active version }");
        assertFalse(deactivated.getBoolean("ticketCategory.active"));
        assertFalse(codes(Tokens.agent(), false).contains("BILLING_" + tag));
        assertTrue(codes(Tokens.agent(), true).contains("BILLING_" + tag));
        JsonPath refused = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Bill\", categoryId: \"" + billing + "\"}", "problemReport { id }");
        assertEquals("BUSINESS_RULE", refused.getString("userErrors[0].code"));
        assertEquals(List.of("input", "categoryId"), refused.getList("userErrors[0].field"));
        assertEquals(List.of(report), inQueue(customer, billing), "the report keeps its category");
    }

    private static JsonPath create(String token, String code, String name) {
        return GraphQLClient.mutate(token, "ticketCategoryCreate", "{code: \"" + code + "\", name: \"" + name + "\"}", "ticketCategory { id code active }");
    }

    private static List<String> codes(String token, boolean includeInactive) {
        return GraphQLClient.post(token, "{ ticketCategories(includeInactive: " + includeInactive + ") { code } }").statusCode(200)
                .extract().jsonPath().getList("data.ticketCategories.code");
    }

    private static List<String> inQueue(long customer, String category) {
        return GraphQLClient.post(Tokens.agent(), "query($f: ProblemReportFilter) { problemReports(first: 10, filter: $f) { edges { node { id } } } }",
                Map.of("f", Map.of("customerId", GlobalId.encode("Customer", customer), "queue", Map.of("categoryId", List.of(category)))))
                .statusCode(200).extract().jsonPath().getList("data.problemReports.edges.node.id");
    }
}
