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
