package dev.supportgraph.referencedata;

import dev.supportgraph.bulk.LineTally.LineError;

import java.util.List;

/**
 * What an import did: rows read (data lines, not the CSV header or blank lines) and what became
 * of them, with the errors in line order (at most the configured number are listed; all of them
 * are counted in {@code failed}).
 */
public record ImportSummary(long rowsRead, long created, long updated, long unchanged, long failed,
                            List<LineError> errors, double seconds, long rowsPerSecond) {
}
