package dev.supportgraph.referencedata;

import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.ErrorCode;
import dev.supportgraph.referencedata.ImportRows.Row;
import dev.supportgraph.referencedata.ImportRows.RowType;
import dev.supportgraph.referencedata.ImportSummary.RowError;
import dev.supportgraph.referencedata.ReferenceDataWriter.Result;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads reference data from a stream of lines, batch by batch, with memory bounded by the batch
 * size, the pending rows and the listed errors, whatever the file's size.
 *
 * <h2>Order</h2>
 * Within a batch rows are written by type in dependency order (customers and resources, then
 * contacts and services, then links), so a contact may come before its customer in one file when
 * both fall into one batch. A row whose customer, service or resource is not found is kept
 * pending (up to {@link ImportConfig#pendingLimit()}) and tried again with each later batch and
 * once more at the end; only then is it reported (NOT_FOUND, with its line).
 *
 * <h2>Failures</h2>
 * An invalid row is reported and the rest loaded. A batch that fails as a whole (a row takes an
 * account number or resource name another object holds) is rolled back and written again row by
 * row, each in its own transaction, so that only the offending rows are reported.
 */
@ApplicationScoped
public class Importer {

    @Inject
    ReferenceDataWriter writer;

    @Inject
    ImportConfig config;

    /** The counts of a running import. */
    private final class Run {
        final String name;
        final String actor;
        final long started = System.nanoTime();
        long nextProgress = started + config.progressInterval().toNanos();
        long read;
        long created;
        long updated;
        long unchanged;
        long failed;
        final List<RowError> errors = new ArrayList<>();
        final List<Row> batch = new ArrayList<>();
        List<Row> pending = new ArrayList<>();

        Run(String name, String actor) {
            this.name = name;
            this.actor = actor;
        }

        void failed(long line, ApiException error) {
            failed++;
            if (errors.size() < config.maxErrors()) {
                List<String> field = error.field();
                errors.add(new RowError(line, field.isEmpty() ? null : field.getLast(), error.code().name(), error.getMessage()));
            }
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        long rowsPerSecond() {
            double seconds = seconds();
            return seconds == 0 ? 0 : Math.round(read / seconds);
        }

        ImportSummary summary() {
            errors.sort(Comparator.comparingLong(RowError::line));
            return new ImportSummary(read, created, updated, unchanged, failed, List.copyOf(errors), seconds(), rowsPerSecond());
        }
    }

    /**
     * Imports every line of {@code lines} as {@code type} rows (null: each NDJSON line names its
     * type), CSV when {@code csv}; {@code actor} is recorded on the events.
     */
    public ImportSummary run(String name, BufferedReader lines, RowType type, boolean csv, String actor) throws IOException {
        Run run = new Run(name, actor);
        List<String> header = null;
        long number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (csv && header == null) {
                header = ImportRows.csvHeader(text);
                continue;
            }
            run.read++;
            Row row = csv ? ImportRows.csv(number, text, header, type) : ImportRows.json(number, text, type);
            if (row.error() != null) {
                run.failed(row.line(), row.error());
            } else {
                run.batch.add(row);
            }
            if (run.batch.size() >= config.batchSize()) {
                flush(run, false);
            }
        }
        flush(run, false);
        flush(run, true);
        Log.infof("Import %s done: %d rows in %.1f s (%d rows/s): %d created, %d updated, %d unchanged, %d failed",
                name, run.read, run.seconds(), run.rowsPerSecond(), run.created, run.updated, run.unchanged, run.failed);
        return run.summary();
    }

    /** Writes the batch with the pending rows; {@code last}: nothing more will come, report what stays unresolved. */
    private void flush(Run run, boolean last) {
        List<Row> rows = new ArrayList<>(run.pending);
        rows.addAll(run.batch);
        run.batch.clear();
        run.pending = new ArrayList<>();
        if (rows.isEmpty()) {
            return;
        }
        Map<Row, Result> results;
        try {
            results = QuarkusTransaction.requiringNew().call(() -> write(rows, run.actor));
        } catch (RuntimeException batchFailed) {
            Log.debugf(batchFailed, "Import %s: a batch failed, writing it row by row", run.name);
            results = new IdentityHashMap<>();
            for (Row row : rows) {
                results.put(row, alone(run, row));
            }
        }
        for (Row row : rows) {
            tally(run, row, results.get(row), last);
        }
        long now = System.nanoTime();
        if (now >= run.nextProgress) {
            run.nextProgress = now + config.progressInterval().toNanos();
            Log.infof("Import %s: %d rows done, %d rows/s, %d failed", run.name, run.read, run.rowsPerSecond(), run.failed);
        }
    }

    /** One row in a transaction of its own: its result, or why it cannot be written. */
    private Result alone(Run run, Row row) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(List.of(row), run.actor)).get(row);
        } catch (ApiException e) {
            return Result.failed(e);
        } catch (RuntimeException e) {
            Log.warnf(e, "Import %s: line %d could not be written", run.name, row.line());
            return Result.failed(ApiException.of(ErrorCode.INTERNAL, "could not be written (see the server log)"));
        }
    }

    private void tally(Run run, Row row, Result result, boolean last) {
        if (result.error() == null) {
            switch (result.outcome()) {
                case CREATED -> run.created++;
                case UPDATED -> run.updated++;
                case UNCHANGED -> run.unchanged++;
            }
        } else if (result.error().code() == ErrorCode.NOT_FOUND && !last && run.pending.size() < config.pendingLimit()) {
            // Its customer, service or resource may come later in the file.
            run.pending.add(row);
        } else {
            run.failed(row.line(), result.error());
        }
    }

    /** Writes rows in one transaction, by type in dependency order; the result of each row. */
    private Map<Row, Result> write(List<Row> rows, String actor) {
        if (!config.synchronousCommit()) {
            writer.asynchronousCommit();
        }
        Map<RowType, List<Row>> byType = new EnumMap<>(RowType.class);
        rows.forEach(row -> byType.computeIfAbsent(row.type(), t -> new ArrayList<>()).add(row));
        Map<Row, Result> results = new IdentityHashMap<>();
        byType.forEach((type, ofType) -> {
            List<Result> written = switch (type) {
                case CUSTOMER -> upsert(Kind.CUSTOMER, ofType, actor);
                case RESOURCE -> upsert(Kind.RESOURCE, ofType, actor);
                case CONTACT -> upsert(Kind.CONTACT, ofType, actor);
                case SERVICE -> upsert(Kind.SERVICE, ofType, actor);
                case LINK -> ofType.stream().map(row -> link((ReferenceInputs.Link) row.input(), actor)).toList();
            };
            for (int i = 0; i < ofType.size(); i++) {
                results.put(ofType.get(i), written.get(i));
            }
        });
        return results;
    }

    @SuppressWarnings("unchecked")
    private <I extends ReferenceInputs.Upsert> List<Result> upsert(Kind<?, I> kind, List<Row> rows, String actor) {
        return writer.upsert(kind, rows.stream().map(row -> (I) row.input()).toList(), actor);
    }

    private Result link(ReferenceInputs.Link input, String actor) {
        try {
            return writer.link(input, true, actor);
        } catch (ApiException e) {
            return Result.failed(e);
        }
    }
}
