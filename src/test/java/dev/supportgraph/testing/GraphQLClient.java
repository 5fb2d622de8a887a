package dev.supportgraph.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportgraph.graph.compiled.CompiledQueries;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Posts GraphQL documents to the real HTTP endpoint: the one GraphQL client of the tests. */
public final class GraphQLClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQLClient() {
    }

    public static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        return request(token, query, variables).accept(ContentType.JSON).when().post("/graphql").then();
    }

    /** Posts asking for the media type {@code accept} (e.g. application/graphql-response+json). */
    public static ValidatableResponse post(String token, String accept, String query, Map<String, Object> variables) {
        return request(token, query, variables).accept(accept).when().post("/graphql").then();
    }

    public static ValidatableResponse reference(String token, String query) {
        return reference(token, ContentType.JSON.toString(), query, Map.of());
    }

    /** Posts to the GraphQL engine itself, bypassing the planner: the planner's reference (test profile only). */
    public static ValidatableResponse reference(String token, String accept, String query, Map<String, Object> variables) {
        return request(token, query, variables).header(CompiledQueries.REFERENCE_HEADER, "reference").accept(accept)
                .when().post("/graphql").then();
    }

    /** A query that must succeed (200, no GraphQL errors); the whole answer. */
    public static JsonPath query(String token, String query) {
        JsonPath json = post(token, query).statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), () -> query + " -> " + json.prettify());
        return json;
    }

    /** Runs {@code mutation(input: ...)} selecting {@code selection} and userErrors; the payload, with no GraphQL errors. */
    public static JsonPath mutate(String token, String mutation, String input, String selection) {
        JsonPath json = post(token, "mutation { " + mutation + "(input: " + input + ") { "
                + selection + " userErrors { field message code } } }")
                .statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), () -> "GraphQL errors: " + json.prettify());
        return json.setRootPath("data." + mutation);
    }

    /** {@link #mutate} that must also have no userErrors. */
    public static JsonPath mutateOk(String token, String mutation, String input, String selection) {
        JsonPath result = mutate(token, mutation, input, selection);
        assertEquals(List.of(), result.getList("userErrors"), () -> mutation + ": " + result.prettify());
        return result;
    }

    /** An answer's JSON without insignificant white space, keys in the order sent: to compare answers byte for byte. */
    public static String compact(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static RequestSpecification request(String token, String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        return token == null ? request : request.auth().oauth2(token);
    }
}
