package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.error.UserError;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a mutation's service call and turns its expected failures into {@code userErrors}. The
 * service call is its own transaction, so by the time a failure arrives here everything it did
 * has been rolled back: a payload with userErrors always means nothing changed.
 */
public final class Mutations {

    private static final List<String> EXPECTED_VERSION = List.of("input", "expectedVersion");

    private Mutations() {
    }

    /**
     * @param mutation the transactional service call producing the success payload
     * @param failed   builds the payload for the user errors (the object is left null)
     */
    public static <P> P run(Supplier<P> mutation, Function<List<UserError>, P> failed) {
        try {
            return mutation.get();
        } catch (RuntimeException e) {
            ApiException api = expected(e);
            if (api == null) {
                throw e;
            }
            return failed.apply(List.of(UserError.of(api)));
        }
    }

    /**
     * The client-facing failure behind {@code e}: an ApiException, a lost optimistic-lock race, a
     * statement the request's deadline cut off, or a unique index that refused a second copy of a
     * write that must happen once.
     */
    private static ApiException expected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return stale();
            }
            if (RequestDeadline.cutOff(t)) {
                return RequestDeadline.timedOut();
            }
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return ApiException.of(ErrorCode.BUSINESS_RULE, "This was already done by an earlier or concurrent request");
            }
        }
        return null;
    }

    /** Refuses an update whose {@code expectedVersion} is not the stored version. */
    public static void checkVersion(long stored, int expected) {
        if (stored != expected) {
            throw stale();
        }
    }

    private static ApiException stale() {
        return ApiException.of(ErrorCode.STALE_OBJECT, EXPECTED_VERSION,
                "The object was changed by someone else; reload it and retry with its current version");
    }
}
