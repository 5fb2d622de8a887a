package dev.supportgraph.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores bearer-token identities in the {@link TokenCache} once authenticated: augmentors only see
 * identities a provider accepted, so refused tokens are never stored. Runs before any other
 * augmentor so the stored identity is the one OIDC built; the others run again on each cached hit.
 */
@ApplicationScoped
public class TokenCacheAugmentor implements SecurityIdentityAugmentor {

    @Inject
    TokenCache cache;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            cache.put(identity);
        }
        return Uni.createFrom().item(identity);
    }
}
