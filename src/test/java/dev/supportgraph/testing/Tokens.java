package dev.supportgraph.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Real signed bearer tokens for tests (key pair in src/test/resources, trusted by the test profile). */
public final class Tokens {

    public static final String ISSUER = "https://supportgraph.dev/issuer";
    /** The audience the service expects (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "supportgraph";

    private Tokens() {
    }

    public static String agent() {
        return staff("agent");
    }

    public static String sre() {
        return staff("sre");
    }

    public static String admin() {
        return staff("admin");
    }

    /** A system of record (CRM, inventory): writes and reads reference data. */
    public static String integration() {
        return staff("integration");
    }

    /** A portal user bound to one customer (its database id). */
    public static String customer(long customerId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("portal-user-" + customerId).groups(Set.of("customer"))
                .claim("customer_id", String.valueOf(customerId)).sign();
    }

    /** A staff token of a named person (name and e-mail claims (email may be null), as an identity provider issues them). */
    public static String person(String role, String upn, String name, String email) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).upn(upn).groups(Set.of(role)).claim("name", name);
        return (email == null ? claims : claims.claim("email", email)).sign();
    }

    /** An agent's token that expires this many seconds from now. */
    public static String agentExpiringIn(long seconds) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("agent@supportgraph.dev").groups(Set.of("agent")).expiresIn(seconds).sign();
    }

    private static String staff(String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(role + "@supportgraph.dev").groups(Set.of(role)).sign();
    }
}
