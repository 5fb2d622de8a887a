package dev.supportgraph.security;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The dev-mode token helper: its tokens are accepted, and outside dev mode the endpoint does not exist. */
@QuarkusTest
class DevTokenTest {

    @Test
    void theEndpointOnlyExistsInDevMode() {
        given().queryParam("role", "admin").get("/dev/token").then().statusCode(404);
    }

    @Test
    void itsTokensAreAcceptedWithTheirRole() throws IOException, GeneralSecurityException {
        String key;
        try (InputStream in = getClass().getResourceAsStream("/test-signing-key.pem")) {
            key = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GraphQLClient.post(DevTokenRoute.sign(key, Tokens.ISSUER, Tokens.AUDIENCE, "customer_id", Role.AGENT, null),
                        "{ customers(first: 1) { totalCount } }")
                .statusCode(200)
                .body("errors", equalTo(null));
        // A portal user bound to a customer that does not exist sees nothing, not an error.
        GraphQLClient.post(DevTokenRoute.sign(key, Tokens.ISSUER, Tokens.AUDIENCE, "customer_id", Role.CUSTOMER, "-42"),
                        "{ customers(first: 1) { totalCount } }")
                .statusCode(200)
                .body("data.customers.totalCount", equalTo(0));
    }
}
