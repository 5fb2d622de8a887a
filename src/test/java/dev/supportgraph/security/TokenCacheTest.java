package dev.supportgraph.security;

import dev.supportgraph.security.PermissionWorld.Side;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verified-token cache over real HTTP: a reused token is verified once and then answered from
 * the cache, never past its exp, never for a tampered copy, and never mixing two callers' roles or
 * customer scope.
 */
@QuarkusTest
class TokenCacheTest {

    private static final String CUSTOMERS = "{ customers(first: 100) { totalCount edges { node { id } } } }";

    @Inject
    TokenCache cache;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    PermissionWorld world;

    @Test
    void aReusedTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = Tokens.agent();
        double before = cache.hits();
        for (int i = 0; i < 3; i++) {
            GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        }
        assertEquals(before + 2, cache.hits(), "the first request verifies, the next two are cache hits");
        given().get("/q/metrics").then().statusCode(200).body(containsString("supportgraph_token_cache_hits_total"));
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        Instant exp = Instant.now().plusSeconds(3);
        String token = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn("agent@supportgraph.dev").groups(Set.of(Role.AGENT))
                .expiresAt(exp).sign();
        double before = cache.hits();
        GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        assertEquals(before + 1, cache.hits());

        Thread.sleep(Math.max(0, exp.toEpochMilli() - System.currentTimeMillis()) + 1000);
        GraphQLClient.post(token, CUSTOMERS).statusCode(401).body("errors[0].extensions.code", equalTo("unauthorized"));
        assertEquals(before + 1, cache.hits(), "an expired entry is not served");
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String token = Tokens.admin();
        GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        double before = cache.hits();
        GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        assertEquals(before + 1, cache.hits(), "the genuine token is cached");

        int signature = token.lastIndexOf('.') + 1;
        char flipped = token.charAt(signature) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, signature) + flipped + token.substring(signature + 1);
        GraphQLClient.post(tampered, CUSTOMERS).statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
        assertEquals(before + 1, cache.hits(), "the tampered copy is never answered from the cache");
    }

    @Test
    void twoCachedPortalUsersAndStaffNeverMix() {
        Side a = world.side("tokencache-a");
        Side b = world.side("tokencache-b");
        String userA = Tokens.customer(a.key("Customer"));
        String userB = Tokens.customer(b.key("Customer"));
        String agent = Tokens.agent();
        double before = cache.hits();
        for (int round = 0; round < 2; round++) {
            GraphQLClient.post(userA, CUSTOMERS).statusCode(200).body("errors", equalTo(null))
                    .body("data.customers.totalCount", equalTo(1))
                    .body("data.customers.edges[0].node.id", equalTo(a.id("Customer")));
            GraphQLClient.post(userB, CUSTOMERS).statusCode(200).body("errors", equalTo(null))
                    .body("data.customers.totalCount", equalTo(1))
                    .body("data.customers.edges[0].node.id", equalTo(b.id("Customer")));
            GraphQLClient.post(agent, CUSTOMERS).statusCode(200).body("errors", equalTo(null))
                    .body("data.customers.totalCount", greaterThan(1));
        }
        assertEquals(before + 3, cache.hits(), "the second round is answered from the cache");
    }

    @Test
    void aCachedTokenAuthenticatesAWebSocketConnectionInit() throws Exception {
        String token = Tokens.agent();
        GraphQLClient.post(token, CUSTOMERS).statusCode(200).body("errors", equalTo(null));
        double before = cache.hits();
        try (GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, null)
                .init(token)) {
            ws.subscribe("1", "subscription { ticketStatusChanged { eventId } }", Map.of());
            // An anonymous subscriber gets an unauthorized error at once; an agent waits for events.
            ws.assertSilent(Duration.ofMillis(700));
        }
        assertEquals(before + 1, cache.hits(), "connection_init's token came from the cache");
    }
}
