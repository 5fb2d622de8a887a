package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Introspection switched off, GET enabled for queries only. */
@QuarkusTest
@TestProfile(StrictProfile.class)
class StrictModeTest {

    @Test
    void introspectionAndTheSdlAreOff() {
        GraphQLClient.post(Tokens.admin(), "{ __schema { queryType { name } } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
        GraphQLClient.post(Tokens.admin(), "{ __type(name: \"Customer\") { name } }")
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
        given().get("/graphql/schema.graphql").then().statusCode(404);
        // __typename is not introspection: clients need it for unions and interfaces.
        GraphQLClient.post(Tokens.admin(), "{ __typename }").statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void getServesQueriesButNeverMutations() {
        given().auth().oauth2(Tokens.agent()).accept("application/json").queryParam("query", "{ __typename }")
                .get("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
        given().auth().oauth2(Tokens.agent()).accept("application/json")
                .queryParam("query", "mutation { customerCreate(input: {}) { userErrors { code } } }")
                .get("/graphql").then().statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }
}
