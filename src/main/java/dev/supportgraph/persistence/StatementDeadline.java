package dev.supportgraph.persistence;

import dev.supportgraph.graph.QueryLimits;
import dev.supportgraph.graph.RequestDeadline;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds every JDBC statement of a GraphQL request by what is left of the request's deadline
 * ({@link RequestDeadline}): a connection handed to a request gets that as its
 * {@code statement_timeout}, so a statement stuck on a lock or a slow plan is cancelled by
 * PostgreSQL at the deadline instead of holding a worker thread and a connection on. Work outside
 * a request (scheduled jobs, migrations) gets the server's default back.
 * <p>
 * Setting the timeout is a round trip, and the engine acquires a connection per batch of fields:
 * so a connection remembers the value last set and is only set again when the request's remaining
 * time differs from it by more than {@link QueryLimits#statementTimeoutSlack()}. Requests start
 * with nearly the whole budget, so in steady state no acquire costs a statement.
 */
@ApplicationScoped
public class StatementDeadline implements AgroalPoolInterceptor {

    /**
     * The statement_timeout (ms) a request set on each physical connection; absent: the server's
     * default. Read on every acquire, so lock-free; a connection's entry goes when the pool destroys it.
     */
    private final Map<PGConnection, Long> timeouts = new ConcurrentHashMap<>();

    private final long slackMillis;

    @Inject
    StatementDeadline(QueryLimits limits) {
        this.slackMillis = limits.statementTimeoutSlack().toMillis();
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            PGConnection physical = connection.unwrap(PGConnection.class);
            OptionalLong remaining = RequestDeadline.remainingMillis();
            Long current = timeouts.get(physical);
            if (remaining.isPresent()) {
                long wanted = remaining.getAsLong();
                if (current == null || Math.abs(current - wanted) > slackMillis) {
                    try (PreparedStatement set = connection.prepareStatement("select set_config('statement_timeout', ?, false)")) {
                        set.setString(1, wanted + "ms");
                        set.execute();
                    }
                    timeouts.put(physical, wanted);
                }
            } else if (current != null) {
                try (PreparedStatement reset = connection.prepareStatement("reset statement_timeout")) {
                    reset.execute();
                }
                timeouts.remove(physical);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the statement timeout", e);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        try {
            timeouts.remove(connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            // Not a PostgreSQL connection: nothing was recorded for it.
        }
    }
}
