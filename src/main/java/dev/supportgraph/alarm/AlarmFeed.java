package dev.supportgraph.alarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportgraph.bulk.Batches;
import dev.supportgraph.bulk.JsonLines;
import dev.supportgraph.bulk.LineTally;
import dev.supportgraph.bulk.LineTally.LineError;
import dev.supportgraph.error.ApiException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /alarms}: one alarm event per NDJSON line, {@code action} raise, update
 * or clear with the fields of the mutation's input. Lines are applied in order, a batch per
 * transaction ({@link AlarmsConfig#batchSize()}); a wrong line is reported with its number and
 * the rest applied. Memory is bounded by the batch and the listed errors.
 */
@ApplicationScoped
public class AlarmFeed {

    private static final String ACTION = "action";

    /** What a line asks for, and the input its other fields are read as. */
    enum Action {
        RAISE(AlarmInputs.Raise.class), UPDATE(AlarmInputs.Update.class), CLEAR(AlarmInputs.Clear.class);

        final Class<?> input;

        Action(Class<?> input) {
            this.input = input;
        }
    }

    /** One event: its line number, action and input. */
    record Line(long number, Action action, Object input) {
    }

    /** The answer: lines read (blank ones not counted), applied and failed, the first errors in line order. */
    public record Summary(long linesRead, long applied, long failed, List<LineError> errors, double seconds, long linesPerSecond) {
    }

    @Inject
    AlarmLifecycle alarms;

    @Inject
    AlarmsConfig config;

    public Summary run(BufferedReader lines) throws IOException {
        LineTally tally = new LineTally(config.maxErrors());
        List<Line> batch = new ArrayList<>();
        long applied = 0;
        long number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            tally.read();
            try {
                batch.add(parse(number, text));
            } catch (ApiException e) {
                tally.failed(number, e);
            }
            if (batch.size() >= config.batchSize()) {
                applied += flush(batch, tally);
            }
        }
        applied += flush(batch, tally);
        Log.infof("Alarm feed done: %d lines in %.1f s (%d lines/s): %d applied, %d failed", tally.readCount(), tally.seconds(),
                tally.rowsPerSecond(), applied, tally.failedCount());
        return new Summary(tally.readCount(), applied, tally.failedCount(), tally.errors(), tally.seconds(), tally.rowsPerSecond());
    }

    private static Line parse(long number, String text) {
        ObjectNode object = JsonLines.object(text);
        String named = JsonLines.take(object, ACTION);
        Action action = null;
        for (Action candidate : Action.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(named)) {
                action = candidate;
            }
        }
        if (action == null) {
            throw ApiException.badInput("must be raise, update or clear", ACTION);
        }
        return new Line(number, action, JsonLines.read(object, action.input, named));
    }

    /** Applies the batch; how many lines were applied (the others are tallied as failed). */
    private long flush(List<Line> batch, LineTally tally) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Line> lines = List.copyOf(batch);
        batch.clear();
        Map<Line, ApiException> errors = Batches.write("Alarm feed", lines, Line::number, this::apply, e -> e);
        long applied = 0;
        for (Line line : lines) {
            ApiException error = errors.get(line);
            if (error == null) {
                applied++;
            } else {
                tally.failed(line.number(), error);
            }
        }
        return applied;
    }

    /** Applies lines in the current transaction: the error of each line that was refused (none: applied). */
    private Map<Line, ApiException> apply(List<Line> lines) {
        alarms.lockResourcesOf(lines.stream().map(line -> (AlarmInputs.Keyed) line.input()).toList());
        Map<Line, ApiException> errors = new IdentityHashMap<>();
        for (Line line : lines) {
            try {
                switch (line.action()) {
                    case RAISE -> alarms.applyRaise((AlarmInputs.Raise) line.input());
                    case UPDATE -> alarms.applyUpdate((AlarmInputs.Update) line.input());
                    case CLEAR -> alarms.applyClear((AlarmInputs.Clear) line.input());
                }
            } catch (ApiException e) {
                errors.put(line, e);
            }
        }
        return errors;
    }
}
