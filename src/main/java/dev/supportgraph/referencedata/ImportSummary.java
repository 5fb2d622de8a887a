package dev.supportgraph.referencedata;

import java.util.List;

/**
 * What an import did: rows read (data lines, not the CSV header or blank lines) and what became
 * of them, with the errors in line order (at most the configured number are listed; all of them
 * are counted in {@code failed}).
 */
public record ImportSummary(long rowsRead, long created, long updated, long unchanged, long failed,
                            List<RowError> errors, double seconds, long rowsPerSecond) {

    /** Why the row on {@code line} (1-based, as an editor numbers them) was not loaded. */
    public record RowError(long line, String field, String code, String message) {
    }
}
