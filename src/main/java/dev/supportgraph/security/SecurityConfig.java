package dev.supportgraph.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Which token claims carry the caller's roles and customer binding. */
@ConfigMapping(prefix = "supportgraph.security")
public interface SecurityConfig {

    /** Claim naming the one customer a portal user belongs to (its database id). */
    @WithDefault("customer_id")
    String customerClaim();

    /** Dev mode only: the throwaway key GET /dev/token signs with (see DevTokenRoute). */
    Optional<Path> devTokenSigningKey();
}
