package dev.supportgraph.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Identities of access tokens OIDC has verified, keyed by the exact token string, so a client that
 * reuses its token is not verified again: each entry is trusted until the token's {@code exp} (or
 * the configured max age, whichever comes first) and the oldest entries go beyond the configured
 * size. Filled by {@link TokenCacheAugmentor}, read by {@link TokenCacheIdentityProvider}.
 */
@ApplicationScoped
public class TokenCache {

    /** Identity attributes that belong to the request that verified the token, not to the token. */
    static final Set<String> PER_REQUEST_ATTRIBUTES =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    private final int size;
    private final long maxAgeMillis;
    private final Clock clock = Clock.systemUTC();
    private final Counter hits;
    /** Insertion order: the eldest entry is the one evicted. Guarded by itself. */
    private final Map<String, Verified> entries;

    @Inject
    TokenCache(SecurityConfig config, MeterRegistry registry) {
        size = config.tokenCacheSize();
        maxAgeMillis = config.tokenCacheMaxAge().toMillis();
        entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > size;
            }
        };
        hits = Counter.builder("supportgraph.token.cache.hits")
                .description("Bearer tokens served from the verified-token cache instead of being verified again")
                .register(registry);
        Gauge.builder("supportgraph.token.cache.size", entries, map -> {
            synchronized (map) {
                return map.size();
            }
        }).description("Verified bearer tokens held in the cache").register(registry);
    }

    /**
     * A verified identity to keep beyond the request that verified it (a WebSocket keeps it for its
     * whole life): the one this cache holds for its token, which all connections with that token
     * share, or else a {@link #detached} copy.
     */
    public SecurityIdentity toKeep(SecurityIdentity verified) {
        AccessTokenCredential credential = verified.getCredential(AccessTokenCredential.class);
        if (credential != null) {
            synchronized (entries) {
                Verified entry = entries.get(credential.getToken());
                if (entry != null) {
                    return entry.identity();
                }
            }
        }
        return detached(verified);
    }

    /**
     * The identity without the attributes of the request that verified it (its RoutingContext, which
     * holds the whole request).
     */
    static SecurityIdentity detached(SecurityIdentity verified) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .setAnonymous(verified.isAnonymous())
                .addRoles(verified.getRoles())
                .addCredentials(verified.getCredentials())
                .addPermissions(verified.getPermissions());
        verified.getAttributes().forEach((name, value) -> {
            if (!PER_REQUEST_ATTRIBUTES.contains(name)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.build();
    }

    boolean enabled() {
        return size > 0;
    }

    /** The identity OIDC built for this exact token, while the token is still valid; else null. */
    SecurityIdentity get(String token) {
        synchronized (entries) {
            Verified entry = entries.get(token);
            if (entry == null) {
                return null;
            }
            if (clock.millis() >= entry.validUntilMillis()) {
                entries.remove(token);
                return null;
            }
            hits.increment();
            return entry.identity();
        }
    }

    /**
     * Remembers an identity OIDC has just verified. Tokens without {@code exp} are never kept; the
     * copy keeps what describes the token (principal, roles, credentials, permissions, tenant
     * attributes) and drops the verifying request's attributes so that request is not kept alive.
     */
    void put(SecurityIdentity verified) {
        AccessTokenCredential credential = verified.getCredential(AccessTokenCredential.class);
        if (!enabled() || credential == null || !(verified.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.millis();
        long validUntil = Math.min(TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()), now + maxAgeMillis);
        if (validUntil <= now) {
            return;
        }
        String token = credential.getToken();
        synchronized (entries) {
            if (entries.containsKey(token)) {
                return;
            }
        }
        Verified entry = new Verified(detached(verified), validUntil);
        synchronized (entries) {
            entries.putIfAbsent(token, entry);
        }
    }

    /** Tokens answered from the cache so far. */
    double hits() {
        return hits.count();
    }
}
