package dev.supportgraph.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Dev mode only (the bean does not exist in other builds): {@code GET /dev/token?role=agent} or
 * {@code ?role=customer&customer=1} returns a bearer token signed with the throwaway test key that
 * dev mode trusts, so newcomers can call the API from GraphiQL or curl without an identity provider.
 * Signs with the JDK alone, keeping smallrye-jwt-build a test dependency.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokenRoute {

    private static final Set<String> ROLES = Set.of(Role.CUSTOMER, Role.AGENT, Role.SRE, Role.ADMIN, Role.INTEGRATION);
    private static final long LIFETIME_SECONDS = 8 * 3600;

    @Inject
    SecurityConfig config;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    List<String> audience;

    void register(@Observes Router router) {
        router.get("/dev/token").handler(ctx -> {
            String role = ctx.queryParams().get("role");
            String customer = ctx.queryParams().get("customer");
            Optional<Path> signingKey = config.devTokenSigningKey();
            if (signingKey.isEmpty()) {
                ctx.response().setStatusCode(404).end("No dev signing key configured (supportgraph.security.dev-token-signing-key)\n");
                return;
            }
            if (role == null || !ROLES.contains(role) || (role.equals(Role.CUSTOMER) && customer == null)) {
                ctx.response().setStatusCode(400).end("Use ?role=agent|sre|admin|integration, or ?role=customer&customer=<customer database id>\n");
                return;
            }
            try {
                ctx.response().putHeader("Content-Type", "text/plain")
                        .end(sign(Files.readString(signingKey.get()), issuer, audience.getFirst(), config.customerClaim(), role,
                                customer) + "\n");
            } catch (IOException | GeneralSecurityException e) {
                ctx.fail(e);
            }
        });
    }

    /** An RS256 JWT for {@code role} (and the customer binding for portal users). */
    public static String sign(String pkcs8Pem, String issuer, String audience, String customerClaim, String role,
                              String customer) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        JsonObject claims = new JsonObject().put("iss", issuer).put("aud", audience).put("sub", role + "-dev").put("upn", role + "@dev.local")
                .put("groups", new JsonArray().add(role)).put("iat", now).put("exp", now + LIFETIME_SECONDS)
                .put("jti", UUID.randomUUID().toString());
        if (customer != null) {
            claims.put(customerClaim, customer);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String content = base64.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT").encode()
                .getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        String pem = pkcs8Pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + base64.encodeToString(signature.sign());
    }
}
