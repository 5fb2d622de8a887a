package dev.supportgraph.persistence;

import dev.supportgraph.graph.QueryLimits;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The reactive pool answers a request with one statement (the planner's), so:
 * <ul>
 * <li>its connections get the request timeout as their session's {@code statement_timeout}: a
 * statement stuck on a lock is cancelled by PostgreSQL instead of holding one of the pool's few
 * connections;</li>
 * <li>its statements are prepared once per connection and kept: PostgreSQL spends more time
 * parsing and planning a planned statement (several KB of SQL) than running it. Quarkus offers
 * the switch ({@code cache-prepared-statements}) but not the length limit, whose default (2 KB)
 * would keep none of them.</li>
 * </ul>
 */
@Singleton
public class ReactivePoolSettings implements PgPoolCreator {

    @Inject
    QueryLimits limits;

    @Inject
    ReactivePoolConfig config;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> {
            options.addProperty("statement_timeout", limits.timeout().toMillis() + "ms");
            options.setCachePreparedStatements(true)
                    .setPreparedStatementCacheMaxSize(config.preparedStatements())
                    .setPreparedStatementCacheSqlLimit(config.preparedStatementMaxLength());
        });
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
