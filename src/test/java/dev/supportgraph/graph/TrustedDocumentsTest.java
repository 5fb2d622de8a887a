package dev.supportgraph.graph;

import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Trusted-documents mode: only the documents loaded from the configured directory (a .graphql file
 * and an Apollo manifest here) run, by hash or by text; nothing else, and clients cannot register more.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.Trusted.class)
class TrustedDocumentsTest {

    static final Path DOCUMENTS = Path.of("src/test/resources/trusted-documents");

    public static class Trusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.persisted-queries.trusted-only", "true",
                    "supportgraph.persisted-queries.documents", DOCUMENTS.toString());
        }
    }

    @Test
    void trustedDocumentsRunByHashAndByText() throws IOException {
        String count = Files.readString(DOCUMENTS.resolve("count.graphql"));
        post(new JsonObject().put("extensions", GraphQLOverHttpTest.persistedQuery(PersistedQueries.sha256(count))))
                .statusCode(200).body("errors", equalTo(null)).body("data.customers.totalCount", notNullValue());
        post(new JsonObject().put("query", count)).statusCode(200).body("data.customers.totalCount", notNullValue());
        // From the Apollo manifest.
        post(new JsonObject().put("extensions", GraphQLOverHttpTest.persistedQuery(PersistedQueries.sha256("{ __typename }"))))
                .statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void nothingElseRunsNorRegisters() {
        String other = "{ customers(first: 2) { totalCount } }";
        post(new JsonObject().put("query", other)).statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        String hash = PersistedQueries.sha256(other);
        post(new JsonObject().put("query", other).put("extensions", GraphQLOverHttpTest.persistedQuery(hash))).statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        post(new JsonObject().put("extensions", GraphQLOverHttpTest.persistedQuery(hash))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    private static ValidatableResponse post(JsonObject body) {
        return given().contentType("application/json").accept("application/graphql-response+json")
                .auth().oauth2(Tokens.agent()).body(body.encode()).post("/graphql").then();
    }
}
