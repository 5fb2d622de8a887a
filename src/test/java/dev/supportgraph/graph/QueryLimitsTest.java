package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
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

    /**
     * Refused by its declared length, before its body is read. Over a raw socket: the server answers
     * and closes while a client would still be writing the body, which an HTTP client that writes
     * it all first may see as a broken pipe instead of the answer.
     */
    @Test
    void anOversizedBodyIsRefusedByHttp() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String headers = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Tokens.agent() + "\r\nContent-Length: 300000\r\n\r\n";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"query\":\"{ __typename }\",\"variables\":{\"padding\":\"".getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
    }

    /**
     * 22 fragments, each spreading the next twice: millions of fields once expanded (5 s, then an
     * OutOfMemoryError, before the cost model counted instead of expanding). Anonymous: refused
     * before anything that depends on the caller.
     */
    @Test
    void aFragmentBombIsRefusedInMilliseconds() {
        String bomb = QueryCostTest.fragmentBomb(22);
        GraphQLClient.post(null, bomb).statusCode(200)
                .time(lessThan(1000L))
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("cost"));
        assertRefused(bomb, "cost");
    }

    @Test
    void aFragmentCycleIsRefused() {
        GraphQLClient.post(Tokens.agent(), "{ customers { edges { node { ...A } } } } fragment A on Customer { name ...B } "
                        + "fragment B on Customer { ...A }")
                .statusCode(200)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    /** A portal user's 30 aliases of nodes(ids:) with one id repeated, selecting long descriptions: refused for its size. */
    @Test
    void repeatedIdsSelectingLongTextAreRefusedForTheResponseSize() {
        List<String> ids = Collections.nCopies(100, GlobalId.encode("ProblemReport", 1));
        String query = IntStream.range(0, 30).mapToObj(i -> "a" + i + ": nodes(ids: $ids) { ... on ProblemReport { description } }")
                .collect(Collectors.joining(" ", "query($ids: [ID!]!) { ", " }"));
        GraphQLClient.post(Tokens.customer(1), query, Map.of("ids", ids))
                .statusCode(200)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("size"));
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
