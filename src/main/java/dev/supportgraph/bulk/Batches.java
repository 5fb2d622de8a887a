package dev.supportgraph.bulk;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes the rows of a bulk request a batch per transaction. A batch that fails as a whole is
 * rolled back and written again row by row, each in its own transaction, so that only the
 * offending rows are reported (with their line).
 */
public final class Batches {

    private Batches() {
    }

    /**
     * The result of each row: {@code write} writes a batch in one new transaction and returns the
     * result per row; if it throws, each row is written alone, and a row that fails alone gets
     * {@code failed} of its error.
     */
    public static <R, T> Map<R, T> write(String name, List<R> rows, ToLongFunction<R> lineOf,
                                         Function<List<R>, Map<R, T>> write, Function<ApiException, T> failed) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write.apply(rows));
        } catch (RuntimeException batchFailed) {
            Log.debugf(batchFailed, "%s: a batch failed, writing it row by row", name);
            Map<R, T> results = new IdentityHashMap<>();
            for (R row : rows) {
                results.put(row, alone(name, row, lineOf, write, failed));
            }
            return results;
        }
    }

    private static <R, T> T alone(String name, R row, ToLongFunction<R> lineOf, Function<List<R>, Map<R, T>> write,
                                  Function<ApiException, T> failed) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write.apply(List.of(row))).get(row);
        } catch (ApiException e) {
            return failed.apply(e);
        } catch (RuntimeException e) {
            Log.warnf(e, "%s: line %d could not be written", name, lineOf.applyAsLong(row));
            return failed.apply(ApiException.of(ErrorCode.INTERNAL, "could not be written (see the server log)"));
        }
    }
}
