package dev.supportgraph.graph;

import dev.supportgraph.testing.Tokens;
import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphQL over HTTP (docs/http.md): with Accept application/graphql-response+json every response
 * without data is HTTP 400; with application/json (or no preference) the legacy 200 stays; malformed
 * requests are 4xx for both. GET for queries only, CORS, compression and persisted queries.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String MODERN = "application/graphql-response+json";
    private static final String LEGACY = "application/json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Test
    void malformedRequestsAre400WhateverTheClientAccepts() {
        for (String accept : new String[] {MODERN, LEGACY}) {
            for (String body : new String[] {"{ not json", "{\"variables\": {}}", "\"{ __typename }\"",
                    "{\"query\": 5}", "{\"query\": \"{ __typename }\", \"operationName\": 5}",
                    "{\"query\": \"{ __typename }\", \"variables\": \"{}\"}",
                    "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                    "{\"query\": \"{ __typename }\", \"extensions\": 1}",
                    "{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": {\"version\": 2}}}"}) {
                send(accept, body).statusCode(400)
                        .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                        .body("errors[0].message", not(containsString("Exception")));
            }
        }
    }

    @Test
    void onlyJsonAndGraphQLBodiesAreExecuted() {
        String mutation = json("mutation { problemReportCreate(input: {title: \"t\", description: \"d\"}) { userErrors { code } } }");
        given().accept(MODERN).auth().oauth2(Tokens.agent())
                .formParam("query", "mutation { problemReportCreate(input: {title: \"t\", description: \"d\"}) { userErrors { code } } }")
                .post("/graphql").then().statusCode(415).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        for (String type : new String[] {"text/plain", "multipart/form-data; boundary=x"}) {
            given().contentType(type).accept(MODERN).auth().oauth2(Tokens.agent()).body(mutation.getBytes(StandardCharsets.UTF_8))
                    .post("/graphql").then().statusCode(415)
                    .header("Content-Type", startsWith(MODERN))
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
        given().accept(MODERN).auth().oauth2(Tokens.agent()).body(mutation.getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(415);
        given().contentType("application/graphql").accept(MODERN).auth().oauth2(Tokens.agent())
                .body("{ customers(first: 1) { totalCount } }".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("data.customers.totalCount", notNullValue());
    }

    @Test
    void batchesAreRefusedClearly() {
        send(MODERN, "[" + json("{ __typename }") + "," + json("{ __typename }") + "]").statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("Batched requests"));
    }

    @Test
    void subscriptionsOverHttpAreErrors() {
        send(MODERN, json("subscription { ticketStatusChanged { status } }")).statusCode(400)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("WebSocket"));
        given().accept(MODERN).auth().oauth2(Tokens.agent()).queryParam("query", "subscription { ticketStatusChanged { status } }")
                .get("/graphql").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void theOperationNameSelectsWhatRuns() {
        String document = "query A { ...F } mutation B { __typename } fragment F on Query { __typename } fragment G on Query { __typename }"
                + " query C { ...G }";
        given().accept(MODERN).auth().oauth2(Tokens.agent()).queryParam("query", document).queryParam("operationName", "A")
                .get("/graphql").then().log().ifValidationFails().statusCode(200).body("data.__typename", equalTo("Query"));
        given().accept(MODERN).auth().oauth2(Tokens.agent()).queryParam("query", document).queryParam("operationName", "B")
                .get("/graphql").then().statusCode(405).header("Allow", "POST");
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
    void getRunsQueriesButNeverMutations() {
        given().accept(MODERN).auth().oauth2(Tokens.agent())
                .queryParam("query", "query($first: Int) { customers(first: $first) { totalCount } }")
                .queryParam("variables", "{\"first\": 1}")
                .get("/graphql").then().statusCode(200)
                .header("Content-Type", startsWith(MODERN))
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
        // '+' and '%' in the document survive (SmallRye decodes GET parameters twice).
        given().accept(MODERN).auth().oauth2(Tokens.agent()).queryParam("query", "{ __type(name: \"a+b%20\") { name } }")
                .get("/graphql").then().statusCode(200).body("errors", equalTo(null)).body("data.__type", equalTo(null));
        given().auth().oauth2(Tokens.agent()).queryParam("query", "mutation { __typename }")
                .get("/graphql").then().statusCode(405).header("Allow", "POST");
        given().auth().oauth2(Tokens.agent()).queryParam("variables", "[1]").queryParam("query", "{ __typename }")
                .get("/graphql").then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().auth().oauth2(Tokens.agent()).contentType(LEGACY).body(json("{ __typename }"))
                .put("/graphql").then().statusCode(405).header("Allow", "GET, POST");
    }

    @Test
    void unauthorizedAnswersAreNegotiatedAndSayWhy() {
        given().contentType(LEGACY).accept(MODERN).auth().oauth2(Tokens.agent() + "x").body(json("{ __typename }"))
                .post("/graphql").then().statusCode(401)
                .header("Content-Type", startsWith(MODERN))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        given().contentType(LEGACY).accept(MODERN).body(json("{ customers(first: 1) { totalCount } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("unauthorized"))
                .body("errors[0].message", equalTo(QueryGuard.UNAUTHORIZED_MESSAGE));
    }

    @Test
    void corsAllowsLocalPagesAndNoOthers() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://localhost:5173").contentType(LEGACY).auth().oauth2(Tokens.agent())
                .body(json("{ __typename }")).post("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().header("Access-Control-Allow-Origin", equalTo(null));
        given().header("Origin", "https://evil.example").contentType(LEGACY).auth().oauth2(Tokens.agent())
                .body(json("{ __typename }")).post("/graphql").then()
                .header("Access-Control-Allow-Origin", equalTo(null));
    }

    @Test
    void answersAreCompressedWhenTheClientAsks() {
        given().header("Accept-Encoding", "gzip").get("/graphql/schema.graphql").then().statusCode(200)
                .header("Content-Encoding", "gzip").body(containsString("type Query"));
        given().header("Accept-Encoding", "gzip").contentType(LEGACY).accept(MODERN).auth().oauth2(Tokens.agent())
                .body(json("{ customers(first: 5) { edges { node { id name } } } }")).post("/graphql").then()
                .statusCode(200).header("Content-Encoding", "gzip").body("errors", equalTo(null));
    }

    /** Brotli for clients that prefer it (browsers send {@code br}); RestAssured cannot decode it, so raw bytes. */
    @Test
    void answersAreBrotliCompressedWhenTheClientAsks() throws Exception {
        Brotli4jLoader.ensureAvailability();
        HttpResponse<byte[]> sdl = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/graphql/schema.graphql"))
                .header("Accept-Encoding", "br").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sdl.statusCode());
        assertEquals("br", sdl.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(brotli(sdl.body()).contains("type Query"));

        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(endpoint)
                .header("Accept-Encoding", "br").header("Content-Type", LEGACY).header("Accept", MODERN)
                .header("Authorization", "Bearer " + Tokens.agent())
                .POST(HttpRequest.BodyPublishers.ofString(json("{ customers(first: 5) { edges { node { id name } } } }")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals("br", answer.headers().firstValue("Content-Encoding").orElse(null));
        JsonObject body = new JsonObject(brotli(answer.body()));
        assertNull(body.getValue("errors"), body::encode);
        assertNotNull(body.getJsonObject("data").getJsonObject("customers"));
    }

    private static String brotli(byte[] compressed) throws java.io.IOException {
        DirectDecompress decompressed = Decoder.decompress(compressed);
        assertEquals(DecoderJNI.Status.DONE, decompressed.getResultStatus());
        return new String(decompressed.getDecompressedData(), StandardCharsets.UTF_8);
    }

    @Test
    void automaticPersistedQueries() {
        String query = "{ customers(first: 1) { totalCount } __typename }";
        String hash = PersistedQueries.sha256(query);
        String hashOnly = new JsonObject().put("extensions", persistedQuery(hash)).encode();
        send(MODERN, hashOnly).statusCode(200)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        send(MODERN, new JsonObject().put("query", query).put("extensions", persistedQuery(PersistedQueries.sha256("other")))
                .encode()).statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        send(MODERN, new JsonObject().put("query", query).put("extensions", persistedQuery(hash)).encode()).statusCode(200)
                .body("errors", equalTo(null)).body("data.customers.totalCount", notNullValue());
        send(MODERN, hashOnly).statusCode(200).body("errors", equalTo(null)).body("data.__typename", equalTo("Query"));
        given().accept(MODERN).auth().oauth2(Tokens.agent()).queryParam("extensions", persistedQuery(hash).encode())
                .get("/graphql").then().statusCode(200).body("data.customers.totalCount", notNullValue());
    }

    static JsonObject persistedQuery(String hash) {
        return new JsonObject().put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", hash));
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
        return new JsonObject(Map.of("query", query)).encode();
    }

    private static ValidatableResponse send(String accept, String body) {
        return given().contentType(LEGACY).accept(accept).auth().oauth2(Tokens.agent()).body(body)
                .post("/graphql").then().header("Content-Type", startsWith(accept));
    }
}
