package dev.supportgraph.referencedata;

import dev.supportgraph.bulk.Batches;
import dev.supportgraph.bulk.LineTally;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.referencedata.ImportRows.Row;
import dev.supportgraph.referencedata.ImportRows.RowType;
import dev.supportgraph.referencedata.ReferenceDataWriter.Result;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads reference data from a stream of lines, batch by batch, with memory bounded by the batch
 * size, the pending rows and the listed errors, whatever the file's size.
 *
 * <h2>Order</h2>
 * Within a batch rows are written by type in dependency order (customers and resources, then
 * contacts and services, then links and unlinks, then deactivations: {@link RowType}), so a contact may come before its customer in one file when
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
        final LineTally lines = new LineTally(config.maxErrors());
        long nextProgress = System.nanoTime() + config.progressInterval().toNanos();
        long created;
        long updated;
        long unchanged;
        final List<Row> batch = new ArrayList<>();
        List<Row> pending = new ArrayList<>();

        Run(String name, String actor) {
            this.name = name;
            this.actor = actor;
        }

        ImportSummary summary() {
            return new ImportSummary(lines.readCount(), created, updated, unchanged, lines.failedCount(), lines.errors(),
                    lines.seconds(), lines.rowsPerSecond());
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
            run.lines.read();
            Row row = csv ? ImportRows.csv(number, text, header, type) : ImportRows.json(number, text, type);
            if (row.error() != null) {
                run.lines.failed(row.line(), row.error());
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
                name, run.lines.readCount(), run.lines.seconds(), run.lines.rowsPerSecond(), run.created, run.updated, run.unchanged,
                run.lines.failedCount());
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
        Map<Row, Result> results = Batches.write("Import " + run.name, rows, Row::line, batch -> write(batch, run.actor), Result::failed);
        for (Row row : rows) {
            tally(run, row, results.get(row), last);
        }
        long now = System.nanoTime();
        if (now >= run.nextProgress) {
            run.nextProgress = now + config.progressInterval().toNanos();
            Log.infof("Import %s: %d rows done, %d rows/s, %d failed", run.name, run.lines.readCount(), run.lines.rowsPerSecond(), run.lines.failedCount());
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
            run.lines.failed(row.line(), result.error());
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
                case LINK -> each(ofType, (ReferenceInputs.Link input) -> writer.link(input, true, actor));
                case UNLINK -> each(ofType, (ReferenceInputs.Link input) -> writer.link(input, false, actor));
                case CONTACT_DEACTIVATION -> each(ofType, (ReferenceInputs.Deactivate input) -> writer.deactivate(Kind.CONTACT, input, actor));
                case CUSTOMER_DEACTIVATION -> each(ofType, (ReferenceInputs.Deactivate input) -> writer.deactivate(Kind.CUSTOMER, input, actor));
            };
            for (int i = 0; i < ofType.size(); i++) {
                results.put(ofType.get(i), written.get(i));
            }
        });
        return results;
    }

    @SuppressWarnings("unchecked")
    private <I extends ReferenceInputs.Upsert> List<Result> upsert(Kind<?, I> kind, List<Row> rows, String actor) {
        return writer.upsertBatch(kind, rows.stream().map(row -> (I) row.input()).toList(), actor);
    }

    /** Writes rows one by one (links, unlinks, deactivations); a refused row is its result, not the batch's failure. */
    @SuppressWarnings("unchecked")
    private static <I> List<Result> each(List<Row> rows, Function<I, Result> write) {
        List<Result> results = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                results.add(write.apply((I) row.input()));
            } catch (ApiException e) {
                results.add(Result.failed(e));
            }
        }
        return results;
    }
}
