package dev.supportgraph.bulk;

import dev.supportgraph.error.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The counts of a running bulk request: lines read, lines failed, and the first errors with their
 * line numbers (at most {@code maxErrors} are listed, which bounds the answer; all are counted).
 */
public final class LineTally {

    /** Why the row on {@code line} (1-based, as an editor numbers them) was not written. */
    public record LineError(long line, String field, String code, String message) {
    }

    private final int maxErrors;
    private final long started = System.nanoTime();
    private final List<LineError> errors = new ArrayList<>();
    private long read;
    private long failed;

    public LineTally(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    public void read() {
        read++;
    }

    public void failed(long line, ApiException error) {
        failed++;
        if (errors.size() < maxErrors) {
            List<String> field = error.field();
            errors.add(new LineError(line, field.isEmpty() ? null : field.getLast(), error.code().name(), error.getMessage()));
        }
    }

    public long readCount() {
        return read;
    }

    public long failedCount() {
        return failed;
    }

    /** The listed errors in line order. */
    public List<LineError> errors() {
        return errors.stream().sorted(Comparator.comparingLong(LineError::line)).toList();
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public long rowsPerSecond() {
        double seconds = seconds();
        return seconds == 0 ? 0 : Math.round(read / seconds);
    }
}
