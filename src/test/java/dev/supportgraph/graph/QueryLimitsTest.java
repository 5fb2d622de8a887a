package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every abusive query is refused before it runs, with code QUERY_TOO_COMPLEX and the limit it hit,
 * and the service answers the next ordinary query (checked after each test). Default limits.
 */
@QuarkusTest
class QueryLimitsTest {

    private static final String NORMAL = "{ customers(first: 100) { totalCount edges { node { name contacts { name email } } } } }";

    @AfterEach
    void serviceStaysHealthy() {
        GraphQLClient.post(Tokens.agent(), NORMAL)
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void graphiqlsIntrospectionQueryPasses() throws IOException {
        String introspection;
        try (InputStream in = getClass().getResourceAsStream("/graphiql-introspection.graphql")) {
            introspection = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GraphQLClient.post(null, introspection)
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void aDepthBombIsRefused() {
        String bomb = "{ customers(first: 1) { edges { node { " + "contacts { customer { ".repeat(8) + "name"
                + " } }".repeat(8) + " } } } }";
        assertRefused(bomb, "depth");
    }

    @Test
    void anAliasBombIsRefused() {
        String bomb = IntStream.range(0, 31).mapToObj(i -> "a" + i + ": customers(first: 100) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertRefused(bomb, "aliases");
    }

    @Test
    void aCostBombIsRefusedBeforeItRuns() {
        // 100 customers x 10 contacts x 10 contacts x 10 contacts: refused on its estimate, nothing is loaded.
        String bomb = "{ customers(first: 100) { edges { node { contacts { customer { contacts { customer { contacts { name } } } } } } } } }";
        assertRefused(bomb, "cost");
    }

    @Test
    void aQueryWithTooManyTokensIsRefused() {
        assertRefused("{ " + "a ".repeat(6000) + "}", "tokens");
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertRefused("{ __typename }" + " ".repeat(50_001), "length");
    }

    @Test
    void anOversizedBodyIsRefusedByHttp() {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.agent())
                .body(Map.of("query", "{ __typename }", "variables", Map.of("padding", "x".repeat(300_000))))
                .post("/graphql").then().statusCode(413);
    }

    @Test
    void pageSizesStillMultiplyButOrdinaryPagesPass() {
        // 100 customers with their contacts: an estimate of about 2,300, far below the limit.
        GraphQLClient.post(Tokens.agent(), NORMAL).statusCode(200).body("errors", equalTo(null));
    }

    private static void assertRefused(String query, String limit) {
        GraphQLClient.post(Tokens.agent(), query)
                .statusCode(200)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo(limit));
    }
}
