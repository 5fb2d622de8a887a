package dev.supportgraph.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asked before OIDC's provider (which keeps the default priority): answers a bearer token OIDC has
 * already verified from the {@link TokenCache}; for any other token it answers nothing, and the
 * identity provider manager hands the request on to OIDC, which verifies it (or refuses it).
 */
@ApplicationScoped
public class TokenCacheIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenCache cache;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity cached = cache.enabled() ? cache.get(request.getToken().getToken()) : null;
        if (cached == null) {
            return Uni.createFrom().nullItem();
        }
        // The per-request attributes OIDC sets on the identities it builds, for this request.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(cached);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
            Object blockingApi = routingContext.get(AuthenticationRequestContext.class.getName());
            if (blockingApi != null) {
                identity.addAttribute(AuthenticationRequestContext.class.getName(), blockingApi);
            }
        }
        return Uni.createFrom().item(identity.build());
    }
}
