package dev.supportgraph.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Which token claims carry the caller's roles and customer binding, and how verified tokens are cached. */
@ConfigMapping(prefix = "supportgraph.security")
public interface SecurityConfig {

    /** Claim naming the one customer a portal user belongs to (its database id). */
    @WithDefault("customer_id")
    String customerClaim();

    /** Dev mode only: the throwaway key GET /dev/token signs with (see DevTokenRoute). */
    Optional<Path> devTokenSigningKey();

    /**
     * Verified access tokens remembered so a client reusing its token is not verified again
     * (RS256 verification dominates a cheap request); the oldest are dropped beyond this. 0 disables.
     */
    @WithDefault("10000")
    int tokenCacheSize();

    /**
     * Longest a remembered token is trusted without verifying it again (never beyond its exp), which
     * bounds how long a token keeps working after its signing key is withdrawn.
     */
    @WithDefault("10M")
    Duration tokenCacheMaxAge();
}
