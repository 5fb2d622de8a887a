package dev.supportgraph.persistence;

import dev.supportgraph.graph.QueryLimits;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The reactive pool answers a request with one statement (the compiled queries), so its
 * connections get the request timeout as their session's {@code statement_timeout}: a statement
 * stuck on a lock is cancelled by PostgreSQL instead of holding one of the pool's few connections.
 */
@Singleton
public class ReactiveStatementDeadline implements PgPoolCreator {

    @Inject
    QueryLimits limits;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options ->
                options.addProperty("statement_timeout", limits.timeout().toMillis() + "ms"));
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
