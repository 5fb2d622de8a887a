package dev.supportgraph.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Refuses verified tokens this service cannot act on, as it refuses invalid ones (401): a token
 * naming no subject (no {@code upn}, {@code preferred_username} or {@code sub}: nothing to record as
 * the actor of a write), and a token with none of the known roles (an unknown role must not fall
 * back on whatever an authenticated caller may read). Runs after the token cache stores the
 * identity, on every request.
 */
@ApplicationScoped
public class TokenClaimsAugmentor implements SecurityIdentityAugmentor {

    static final Set<String> KNOWN_ROLES = Set.of(Role.CUSTOMER, Role.AGENT, Role.SRE, Role.ADMIN, Role.INTEGRATION);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String name = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        if (name == null || name.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token names no subject (sub or upn)"));
        }
        if (identity.getRoles().stream().noneMatch(KNOWN_ROLES::contains)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token carries none of the roles "
                    + KNOWN_ROLES));
        }
        return Uni.createFrom().item(identity);
    }
}
