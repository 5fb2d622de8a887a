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

/** {@code supportgraph.security.token-cache-size=1}: a newer token evicts the older one, which is verified again. */
@QuarkusTest
@TestProfile(TokenCacheBoundTest.OneEntry.class)
class TokenCacheBoundTest {

    public static class OneEntry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.security.token-cache-size", "1");
        }
    }

    private static final String QUERY = "{ customers(first: 1) { totalCount } }";

    @Inject
    TokenCache cache;

    @Test
    void theOldestEntryIsEvictedBeyondTheSize() {
        String first = Tokens.agent();
        String second = Tokens.sre();
        double before = cache.hits();
        send(first);
        send(first);
        assertEquals(before + 1, cache.hits(), "the first token is cached");
        send(second);
        send(first);
        assertEquals(before + 1, cache.hits(), "the second token evicted the first, which is verified again");
        send(first);
        assertEquals(before + 2, cache.hits(), "and cached again");
    }

    private static void send(String token) {
        GraphQLClient.post(token, QUERY).statusCode(200).body("errors", equalTo(null));
    }
}
