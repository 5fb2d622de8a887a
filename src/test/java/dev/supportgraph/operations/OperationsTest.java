package dev.supportgraph.operations;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
        GraphQLClient.post(Tokens.agent(), "{ customers(first: 5) { totalCount pageInfo { hasNextPage } } }")
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("mp_graphql_seconds"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void anonymousCallersGetNoData() {
        GraphQLClient.post(null, "{ customers(first: 5) { totalCount } }")
                .statusCode(200)
                .body("data.customers", equalTo(null))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }
}
