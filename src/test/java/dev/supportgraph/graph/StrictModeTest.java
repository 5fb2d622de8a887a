package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Introspection switched off for everyone but staff, GET enabled for queries only. */
@QuarkusTest
@TestProfile(StrictProfile.class)
class StrictModeTest {

    @Test
    void introspectionAndTheSdlAreOffForAnonymousCallersAndPortalUsers() {
        for (String token : Arrays.asList(null, Tokens.customer(1), Tokens.integration())) {
            GraphQLClient.post(token, "{ __schema { queryType { name } } }")
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
            GraphQLClient.post(token, "{ __type(name: \"Customer\") { name } }")
                    .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
        }
        given().get("/graphql/schema.graphql").then().statusCode(404);
        given().auth().oauth2(Tokens.customer(1)).get("/graphql/schema.graphql").then().statusCode(404);
        // __typename is not introspection: clients need it for unions and interfaces.
        GraphQLClient.post(null, "{ __typename }").statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void staffKeepIntrospectionAndTheSdl() {
        for (String token : List.of(Tokens.agent(), Tokens.admin(), Tokens.sre())) {
            GraphQLClient.post(token, "{ __schema { queryType { name } } __type(name: \"Customer\") { name } }")
                    .statusCode(200)
                    .body("errors", nullValue())
                    .body("data.__schema.queryType.name", equalTo("Query"))
                    .body("data.__type.name", equalTo("Customer"));
            given().auth().oauth2(token).get("/graphql/schema.graphql").then().statusCode(200)
                    .body(containsString("nodes("));
        }
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
