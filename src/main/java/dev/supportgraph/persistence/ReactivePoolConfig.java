package dev.supportgraph.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code supportgraph.reactive-pool.*}: the reactive pool that runs the planner's statements ({@link ReactivePoolSettings}). */
@ConfigMapping(prefix = "supportgraph.reactive-pool")
public interface ReactivePoolConfig {

    /**
     * Prepared statements kept per connection. A planned statement is long and planning it costs
     * PostgreSQL more than running it; a kept statement is parsed once and may get a generic plan.
     */
    @WithDefault("64")
    int preparedStatements();

    /** Longer statements are not kept (bounds the memory of the cache: statements x length x connections). */
    @WithDefault("65536")
    int preparedStatementMaxLength();
}
