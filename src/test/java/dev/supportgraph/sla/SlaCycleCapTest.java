package dev.supportgraph.sla;

import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code supportgraph.sla.max-firings-per-cycle} bounds one evaluation: a backlog larger than the
 * cap is worked off over several evaluations, lowest ids first and whole tickets at a time, and
 * every event fires exactly once in the end.
 */
@QuarkusTest
@TestProfile(SlaCycleCapTest.SmallCycles.class)
class SlaCycleCapTest {

    private static final int CAP = 100;
    private static final int BATCH = 40;

    public static class SmallCycles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.sla.max-firings-per-cycle", String.valueOf(CAP),
                    "supportgraph.sla.batch-size", String.valueOf(BATCH));
        }
    }

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaEvaluator evaluator;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aBacklogBeyondTheCapIsFiredOverSeveralEvaluationsEachEventOnce() {
        // Never responded, never resolved: at t0 + 9 h both breaches are due, 300 events in all.
        Instant t0 = Instant.parse("2001-11-05T10:00:00Z");
        List<Long> reports = Backlog.reports(ds, Fixtures.customer(ds, 700), null, t0, 150, "ACKNOWLEDGED", 0);
        long lastEvent = Sql.count(ds, "select coalesce(max(id), 0) from outbox_event");
        clock.set(t0.plus(Duration.ofHours(9)));

        // Each evaluation fires 50 whole tickets (100 events). It stops reading in the batch where the
        // cap is reached, so it counts the rest of that batch as deferred: 30 tickets of the second
        // batch of 40 in the first two evaluations; the third one ends with exactly 100.
        int[] deferred = {30, 30, 0, 0};
        int[] firedTickets = {50, 100, 150, 150};
        for (int cycle = 0; cycle < 4; cycle++) {
            double deferredBefore = registry.get("supportgraph.sla.deferred").counter().count();
            assertEquals(cycle < 3 ? CAP : 0, evaluator.evaluate(), "evaluation " + (cycle + 1));
            assertEquals(deferred[cycle], registry.get("supportgraph.sla.deferred").counter().count() - deferredBefore, 0.0);
            assertEquals(reports.subList(0, firedTickets[cycle]), Sql.rows(ds, """
                            select problem_report_id from sla_event where problem_report_id between ? and ?
                            group by problem_report_id having count(*) = 2 order by 1""", reports.getFirst(), reports.getLast())
                    .stream().map(r -> ((Number) r.get("problem_report_id")).longValue()).toList());
        }

        List<String> expected = new ArrayList<>();
        for (long report : reports) {
            expected.add(report + " RESPONSE");
            expected.add(report + " RESOLUTION");
        }
        assertEquals(expected, Sql.rows(ds, """
                        select aggregate_id || ' ' || (payload->>'target') as event from outbox_event
                        where id > ? and type = 'SLA_BREACHED' order by id""", lastEvent)
                .stream().map(r -> (String) r.get("event")).toList());
        assertEquals(300, Sql.count(ds, "select count(*) from sla_event where problem_report_id between ? and ?",
                reports.getFirst(), reports.getLast()));
    }
}
