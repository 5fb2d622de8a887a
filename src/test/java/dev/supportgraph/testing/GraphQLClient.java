package dev.supportgraph.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Posts GraphQL documents to the real HTTP endpoint. */
public final class GraphQLClient {

    private GraphQLClient() {
    }

    public static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post("/graphql").then();
    }

    /** Runs {@code mutation(input: ...)} selecting {@code selection} and userErrors; the payload, with no GraphQL errors. */
    public static JsonPath mutate(String token, String mutation, String input, String selection) {
        JsonPath json = post(token, "mutation { " + mutation + "(input: " + input + ") { "
                + selection + " userErrors { field message code } } }")
                .statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), () -> "GraphQL errors: " + json.prettify());
        return json.setRootPath("data." + mutation);
    }
}
