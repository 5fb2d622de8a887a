package dev.supportgraph.persistence;

import dev.supportgraph.graph.RequestDeadline;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Bounds every JDBC statement of a GraphQL request by what is left of the request's deadline
 * ({@link RequestDeadline}): a connection handed to a request gets that as its
 * {@code statement_timeout}, so a statement stuck on a lock or a slow plan is cancelled by
 * PostgreSQL at the deadline instead of holding a worker thread and a connection on. Work outside
 * a request (scheduled jobs, migrations) gets the server's default back.
 */
@ApplicationScoped
public class StatementDeadline implements AgroalPoolInterceptor {

    /** Connections whose statement_timeout a request set (physical connections, weakly held). */
    private final Set<PGConnection> bounded = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            PGConnection physical = connection.unwrap(PGConnection.class);
            OptionalLong remaining = RequestDeadline.remainingMillis();
            if (remaining.isPresent()) {
                try (PreparedStatement set = connection.prepareStatement("select set_config('statement_timeout', ?, false)")) {
                    set.setString(1, remaining.getAsLong() + "ms");
                    set.execute();
                }
                bounded.add(physical);
            } else if (bounded.remove(physical)) {
                try (PreparedStatement reset = connection.prepareStatement("reset statement_timeout")) {
                    reset.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the statement timeout", e);
        }
    }
}
