package dev.supportgraph.security;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Bearer tokens end to end: a token that is present but not acceptable is refused with HTTP 401
 * (and a GraphQL error body on /graphql); no token at all leaves the caller anonymous, who sees
 * health, metrics and the schema, and gets {@code unauthorized} for every field.
 */
@QuarkusTest
class AuthenticationTest {

    private static final String QUERY = "{ customers(first: 1) { totalCount } }";

    @Test
    void aValidTokenIsAccepted() {
        GraphQLClient.post(Tokens.agent(), QUERY)
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
    }

    @Test
    void anonymousCallersGetUnauthorizedForData() {
        GraphQLClient.post(null, QUERY)
                .statusCode(200)
                .body("data.customers", equalTo(null))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }

    @Test
    void anonymousCallersSeeHealthMetricsAndSchema() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("type Query"));
        GraphQLClient.post(null, "{ __schema { queryType { name } } }")
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn("agent@supportgraph.dev").groups(Set.of(Role.AGENT))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        assertRejected(expired);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn("admin@supportgraph.dev").groups(Set.of(Role.ADMIN))
                .sign(generator.generateKeyPair().getPrivate());
        assertRejected(forged);
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        assertRejected(Jwt.issuer("https://elsewhere.example/realm").audience(Tokens.AUDIENCE).upn("admin@supportgraph.dev")
                .groups(Set.of(Role.ADMIN)).sign());
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRejected() {
        assertRejected("not-a-jwt");
    }

    private static void assertRejected(String token) {
        GraphQLClient.post(token, QUERY)
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        // The service is unaffected: the next well-formed request is served.
        GraphQLClient.post(Tokens.agent(), QUERY).statusCode(200).body("errors", equalTo(null));
    }
}
