package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of the GraphQL request being served, kept in its Vert.x duplicated context: the
 * resolvers' blocking work runs on worker threads within that context, so the database layer
 * ({@code persistence.StatementDeadline}) reads it there and bounds every statement by it.
 */
public final class RequestDeadline {

    private static final String KEY = RequestDeadline.class.getName();
    /** PostgreSQL's query_canceled: statement_timeout (or a cancel request) ended the statement. */
    public static final String QUERY_CANCELED = "57014";

    private RequestDeadline() {
    }

    /** Sets the deadline ({@link System#nanoTime()} based) of the request on the current context, if it is one. */
    static void start(long deadlineNanos) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, deadlineNanos);
        }
    }

    /** Milliseconds left to the current request's deadline (at least 1), or empty outside a request with one. */
    public static OptionalLong remainingMillis() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return OptionalLong.empty();
        }
        Optional<Long> deadline = ContextLocals.get(KEY);
        return deadline.map(d -> OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toMillis(d - System.nanoTime()))))
                .orElse(OptionalLong.empty());
    }

    /** True when {@code failure} was caused by a statement the deadline cut off. */
    public static boolean cutOff(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The client's answer to a request whose statement was cut off: nothing was changed. */
    public static ApiException timedOut() {
        return ApiException.of(ErrorCode.TIMEOUT, "The request did not finish within its deadline (the database was busy"
                + " or a row it needed was locked); nothing was changed, retry later");
    }
}
