package dev.supportgraph.graph;

import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * GraphQL over HTTP: with Accept application/graphql-response+json every response without data is
 * HTTP 400; with application/json (or no preference) the legacy 200 stays. Mutations never over GET.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String MODERN = "application/graphql-response+json";
    private static final String LEGACY = "application/json";

    @Test
    void unparsableJson() {
        send(MODERN, "{ not json").statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        send(LEGACY, "{ not json").statusCode(200).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void missingQuery() {
        send(MODERN, "{\"variables\": {}}").statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        send(LEGACY, "{\"variables\": {}}").statusCode(200).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void syntaxErrorsCarryTheirLocation() {
        String broken = json("{ customers(first: 1) { totalCount }");
        send(MODERN, broken).statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1));
        send(LEGACY, broken).statusCode(200).body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void validationErrors() {
        String unknownField = json("{ customers(first: 1) { noSuchField } }");
        send(MODERN, unknownField).statusCode(400)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        send(LEGACY, unknownField).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void refusedLimitsAreRequestErrorsToo() {
        String bomb = json("{ customers(first: 1) { edges { node { " + "contacts { customer { ".repeat(8) + "name"
                + " } }".repeat(8) + " } } } }");
        send(MODERN, bomb).statusCode(400).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void executedQueriesAre200EvenWithFieldErrors() {
        send(MODERN, json("{ customers(first: 1) { totalCount } }")).statusCode(200)
                .header("Content-Type", startsWith(MODERN))
                .body("errors", equalTo(null));
        given().contentType(LEGACY).accept(MODERN).body(json("{ customers(first: 1) { totalCount } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void clientsWithoutPreferenceGetApplicationJson() {
        given().contentType(LEGACY).auth().oauth2(Tokens.agent()).body(json("{ __typename }"))
                .post("/graphql").then().statusCode(200)
                .header("Content-Type", startsWith(LEGACY))
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void getIsNotAcceptedAndNeverForMutations() {
        given().auth().oauth2(Tokens.agent()).queryParam("query", "{ __typename }")
                .get("/graphql").then().statusCode(405);
        given().auth().oauth2(Tokens.agent()).queryParam("query", "mutation { __typename }")
                .get("/graphql").then().statusCode(405);
    }

    @Test
    void repeatedDocumentsAreCheckedTheSameWay() {
        for (int i = 0; i < 2; i++) {
            send(MODERN, json("{ customers(first: 1) { totalCount } }")).statusCode(200).body("errors", equalTo(null));
            send(MODERN, json("{ customers(first: 1) { totalCount }")).statusCode(400)
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        }
    }

    private static String json(String query) {
        return new io.vertx.core.json.JsonObject(Map.of("query", query)).encode();
    }

    private static ValidatableResponse send(String accept, String body) {
        return given().contentType(LEGACY).accept(accept).auth().oauth2(Tokens.agent()).body(body)
                .post("/graphql").then().header("Content-Type", startsWith(accept));
    }
}
