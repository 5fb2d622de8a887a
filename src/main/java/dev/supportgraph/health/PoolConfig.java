package dev.supportgraph.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the connection pools count as exhausted ({@link PoolHealth}); env {@code SUPPORTGRAPH_POOLS_*}. */
@ConfigMapping(prefix = "supportgraph.pools")
public interface PoolConfig {

    /**
     * Readiness is DOWN while more callers than this wait for a connection of either pool (JDBC or
     * reactive): new requests would only queue behind them until their acquisition timeout.
     */
    @WithDefault("10")
    int readyMaxWaiting();
}
