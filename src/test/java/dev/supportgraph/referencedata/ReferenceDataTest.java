package dev.supportgraph.referencedata;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference-data mutations against the real database: upserts by externalId, versions, events, links. */
@QuarkusTest
class ReferenceDataTest {

    private static final String CUSTOMER = "customer { id externalId name status segment creditRating preferredLanguage version }";

    @Inject
    DataSource ds;

    @Test
    void anUpsertCreatesThenUpdatesThenChangesNothing() {
        String ext = unique();
        JsonPath created = upsertCustomer(ext, "Acme", null);
        assertEquals("CREATED", created.getString("outcome"));
        assertEquals(0, created.getInt("customer.version"));
        assertEquals(ext, created.getString("customer.externalId"));
        assertEquals("ACTIVE", created.getString("customer.status"));
        assertEquals(1, events("CUSTOMER_CHANGED", ext));

        JsonPath updated = upsertCustomer(ext, "Acme AG", null);
        assertEquals("UPDATED", updated.getString("outcome"));
        assertEquals(1, updated.getInt("customer.version"));
        assertEquals("Acme AG", updated.getString("customer.name"));
        assertEquals(created.getString("customer.id"), updated.getString("customer.id"));

        JsonPath same = upsertCustomer(ext, "Acme AG", null);
        assertEquals("UNCHANGED", same.getString("outcome"));
        assertEquals(1, same.getInt("customer.version"));
        assertEquals(2, events("CUSTOMER_CHANGED", ext), "no event for an unchanged upsert");
        assertEquals(1, Sql.count(ds, "select count(*) from customer where external_id = ?", ext));
    }

    @Test
    void anUpdateWithAnotherVersionIsStale() {
        String ext = unique();
        upsertCustomer(ext, "Acme", null);
        JsonPath stale = upsertCustomer(ext, "Other", 5);
        assertEquals(List.of("STALE_OBJECT"), stale.getList("userErrors.code"));
        assertEquals(List.of("input", "expectedVersion"), stale.getList("userErrors[0].field"));
        assertNull(stale.get("customer"));
        JsonPath current = upsertCustomer(ext, "Other", 0);
        assertEquals("UPDATED", current.getString("outcome"));
        assertEquals("Other", Sql.row(ds, "select name from customer where external_id = ?", ext).get("name"));
    }

    @Test
    void invalidFieldsAreUserErrorsNamingTheField() {
        assertEquals(List.of("input", "preferredLanguage"), customerError(1, ", preferredLanguage: \"not a tag!\""));
        assertEquals(List.of("input", "creditRating"), customerError(1001, ""));
        String customer = unique();
        upsertCustomer(customer, "Acme", null);
        assertEquals(List.of("input", "email"), contactError(customer, "email: \"ann-at-example\""));
        assertEquals(List.of("input", "phone"), contactError(customer, "phone: \"call me\""));
        assertEquals(List.of("input", "currency"), GraphQLClient.mutate(Tokens.integration(), "serviceUpsert",
                "{externalId: \"" + unique() + "\", customerExternalId: \"" + customer + "\", name: \"Fibre\", category: \"FIBRE\", currency: \"XYZ\"}",
                "outcome").getList("userErrors[0].field"));
        JsonPath unknown = GraphQLClient.mutate(Tokens.integration(), "contactUpsert",
                "{externalId: \"" + unique() + "\", customerExternalId: \"no-such-customer\", name: \"Ann\", role: \"IT\"}", "outcome");
        assertEquals(List.of("NOT_FOUND"), unknown.getList("userErrors.code"));
        assertEquals(List.of("input", "customerExternalId"), unknown.getList("userErrors[0].field"));
    }

    @Test
    void aContactNamesItsCustomerByExternalIdAndIsDeactivatedNotDeleted() {
        String customer = unique();
        String customerId = upsertCustomer(customer, "Acme", null).getString("customer.id");
        String ext = unique();
        JsonPath contact = GraphQLClient.mutate(Tokens.integration(), "contactUpsert",
                "{externalId: \"" + ext + "\", customerExternalId: \"" + customer + "\", name: \"Ann\", role: \"IT\", "
                        + "email: \"ann@example.com\", phone: \"+41 44 123 45 67\", language: \"de-ch\"}",
                "outcome contact { id externalId language status customer { id } }");
        assertEquals("CREATED", contact.getString("outcome"));
        assertEquals(customerId, contact.getString("contact.customer.id"));
        assertEquals("de-CH", contact.getString("contact.language"));
        JsonPath deactivated = GraphQLClient.mutate(Tokens.integration(), "contactDeactivate",
                "{externalId: \"" + ext + "\", expectedVersion: 0}", "outcome contact { status version }");
        assertEquals("UPDATED", deactivated.getString("outcome"));
        assertEquals("INACTIVE", deactivated.getString("contact.status"));
        JsonPath again = GraphQLClient.mutate(Tokens.integration(), "contactDeactivate",
                "{id: \"" + contact.getString("contact.id") + "\"}", "outcome contact { status version }");
        assertEquals("UNCHANGED", again.getString("outcome"));
        assertEquals(1, again.getInt("contact.version"));
        assertEquals(List.of("CREATED", "DEACTIVATED"), changes("CONTACT_CHANGED", ext));
    }

    @Test
    void servicesAndResourcesAreLinkedOnceAndUnlinked() {
        String customer = unique();
        upsertCustomer(customer, "Acme", null);
        String service = unique();
        String resource = unique();
        GraphQLClient.mutate(Tokens.integration(), "serviceUpsert", "{externalId: \"" + service + "\", customerExternalId: \""
                + customer + "\", name: \"Fibre\", category: \"FIBRE\", monthlyCharge: \"49.9\", currency: \"CHF\"}", "outcome");
        GraphQLClient.mutate(Tokens.integration(), "resourceUpsert", "{externalId: \"" + resource + "\", name: \"" + resource
                + "\", category: \"OLT\"}", "outcome");
        String link = "{serviceExternalId: \"" + service + "\", resourceExternalId: \"" + resource + "\"}";
        assertEquals("UPDATED", GraphQLClient.mutate(Tokens.integration(), "serviceResourceLink", link, "outcome").getString("outcome"));
        JsonPath again = GraphQLClient.mutate(Tokens.integration(), "serviceResourceLink", link,
                "outcome service { externalId monthlyCharge { amount currency } resources { externalId } }");
        assertEquals("UNCHANGED", again.getString("outcome"));
        assertEquals(List.of(resource), again.getList("service.resources.externalId"));
        assertEquals("49.90", again.getString("service.monthlyCharge.amount"));
        assertEquals("UPDATED", GraphQLClient.mutate(Tokens.integration(), "serviceResourceUnlink", link, "outcome").getString("outcome"));
        assertEquals(List.of("CREATED", "RESOURCE_LINKED", "RESOURCE_UNLINKED"), changes("SERVICE_CHANGED", service));
    }

    @Test
    void nodeByExternalIdIsScopedLikeNode() {
        String ext = unique();
        String id = upsertCustomer(ext, "Acme", null).getString("customer.id");
        String query = "{ nodeByExternalId(type: CUSTOMER, externalId: \"" + ext + "\") { id } }";
        for (String token : List.of(Tokens.integration(), Tokens.agent(), Tokens.admin())) {
            assertEquals(id, GraphQLClient.post(token, query).extract().jsonPath().getString("data.nodeByExternalId.id"));
        }
        long other = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'B', 'CONSUMER', 500) returning id", unique());
        assertNull(GraphQLClient.post(Tokens.customer(other), query).extract().jsonPath().get("data.nodeByExternalId"));
        assertNull(GraphQLClient.post(Tokens.agent(), "{ nodeByExternalId(type: RESOURCE, externalId: \"none\") { id } }")
                .extract().jsonPath().get("data.nodeByExternalId"));
    }

    @Test
    void concurrentUpsertsOfOneExternalIdMakeOneRow() throws Exception {
        String ext = unique();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                calls.add(() -> upsertCustomer(ext, "Writer " + n, null).getString("outcome"));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("CREATED"::equals).count(), outcomes::toString);
            assertTrue(Set.of("CREATED", "UPDATED", "UNCHANGED").containsAll(outcomes), outcomes::toString);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Sql.count(ds, "select count(*) from customer where external_id = ?", ext));
        long updates = Sql.count(ds, "select version from customer where external_id = ?", ext);
        assertEquals(updates + 1, events("CUSTOMER_CHANGED", ext), "one event per creation and per version");
    }

    private JsonPath upsertCustomer(String ext, String name, Integer expectedVersion) {
        return GraphQLClient.mutate(Tokens.integration(), "customerUpsert", "{externalId: \"" + ext + "\", accountNumber: \""
                + ext + "\", name: \"" + name + "\", segment: ENTERPRISE, creditRating: 700"
                + (expectedVersion == null ? "" : ", expectedVersion: " + expectedVersion) + "}", "outcome " + CUSTOMER);
    }

    private static List<String> customerError(int creditRating, String more) {
        String ext = unique();
        return GraphQLClient.mutate(Tokens.integration(), "customerUpsert", "{externalId: \"" + ext + "\", accountNumber: \""
                + ext + "\", name: \"X\", segment: CONSUMER, creditRating: " + creditRating + more + "}", "outcome")
                .getList("userErrors[0].field");
    }

    private static List<String> contactError(String customer, String field) {
        return GraphQLClient.mutate(Tokens.integration(), "contactUpsert", "{externalId: \"" + unique() + "\", customerExternalId: \""
                + customer + "\", name: \"Ann\", role: \"IT\", " + field + "}", "outcome").getList("userErrors[0].field");
    }

    private long events(String type, String externalId) {
        return Sql.count(ds, "select count(*) from outbox_event where type = ? and payload ->> 'externalId' = ?", type, externalId);
    }

    private List<String> changes(String type, String externalId) {
        return Sql.rows(ds, "select payload ->> 'change' as change from outbox_event where type = ? and payload ->> 'externalId' = ? order by id",
                type, externalId).stream().map(r -> (String) r.get("change")).collect(Collectors.toList());
    }

    static String unique() {
        return "ext-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
