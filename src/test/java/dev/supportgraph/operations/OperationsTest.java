package dev.supportgraph.operations;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What SRE tooling and clients rely on: probes, metrics, the schema, a real query. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIsUpWithTheDatabaseCheck() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessAndStartupAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void schemaIsPublished() {
        given().when().get("/graphql/schema.graphql").then()
                .statusCode(200)
                .body(containsString("type Customer implements Node"));
    }

    @Test
    void graphQLAnswersOverHttpAndIsMetered() {
        // slaPolicies is not planned: the engine answers, and its timer is what this checks.
        GraphQLClient.post(Tokens.agent(), "{ customers(first: 5) { totalCount pageInfo { hasNextPage } } slaPolicies { id } }")
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("mp_graphql_seconds"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void queriesAreAnsweredByCompiledSqlAndMetered() {
        String query = "query Ops($id: ID!) { customer(id: $id) { id name } }";
        Map<String, Object> variables = Map.of("id", GlobalId.encode(CustomerType.TYPE, Long.MAX_VALUE));
        double before = compiledAnswers();
        for (int i = 0; i < 2; i++) {
            GraphQLClient.post(Tokens.agent(), query, variables)
                    .statusCode(200)
                    .body("errors", equalTo(null))
                    .body("data.customer", equalTo(null));
        }
        assertTrue(compiledAnswers() >= before + 2, "both requests were answered by compiled SQL");
    }

    private static double compiledAnswers() {
        Matcher count = Pattern.compile("(?m)^supportgraph_graphql_compiled_seconds_count\\S* (\\S+)$")
                .matcher(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    @Test
    void anonymousCallersGetNoData() {
        GraphQLClient.post(null, "{ customers(first: 5) { totalCount } }")
                .statusCode(200)
                .body("data.customers", equalTo(null))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }
}
