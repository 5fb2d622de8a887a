package dev.supportgraph.security;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code supportgraph.security.token-cache-size=0}: every request is verified by OIDC, and works. */
@QuarkusTest
@TestProfile(TokenCacheDisabledTest.CacheOff.class)
class TokenCacheDisabledTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.security.token-cache-size", "0");
        }
    }

    private static final String QUERY = "{ customers(first: 1) { totalCount } }";

    @Inject
    TokenCache cache;

    @Test
    void reusedTokensWorkWithoutTheCache() {
        String token = Tokens.agent();
        for (int i = 0; i < 3; i++) {
            GraphQLClient.post(token, QUERY).statusCode(200).body("errors", equalTo(null));
        }
        GraphQLClient.post(token + "x", QUERY).statusCode(401).body("errors[0].extensions.code", equalTo("unauthorized"));
        GraphQLClient.post(null, QUERY).statusCode(200).body("errors[0].extensions.code", equalTo("unauthorized"));
        assertEquals(0, cache.hits());
    }
}
