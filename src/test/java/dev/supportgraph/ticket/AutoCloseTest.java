package dev.supportgraph.ticket;

import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The auto-close job run by two "replicas" at once: each long-RESOLVED ticket is closed exactly once. */
@QuarkusTest
class AutoCloseTest {

    @Inject
    DataSource ds;

    @Inject
    AutoClose autoClose;

    @Test
    void twoConcurrentRunsCloseEachStaleResolvedTicketOnce() throws Exception {
        long customer = Fixtures.customer(ds, 700);
        List<Long> stale = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stale.add(resolved(customer, "now() - interval '8 days'"));
        }
        long fresh = resolved(customer, "now() - interval '1 day'");
        long trouble = Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency, status, resolved_at) "
                + "values ('Auto', 'MINOR', 'LOW', 'MINOR', 'LOW', 'RESOLVED', now() - interval '9 days') returning id");

        CyclicBarrier start = new CyclicBarrier(2);
        Instant now = Instant.now();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return autoClose.run(now);
            }, pool)).toList();
            runs.forEach(CompletableFuture::join);
        }

        for (long id : stale) {
            assertEquals("CLOSED", Sql.row(ds, "select status from problem_report where id = ?", id).get("status"));
            assertEquals(1, Sql.count(ds, "select count(*) from status_change where problem_report_id = ? and to_status = 'CLOSED' and actor = 'auto-close'", id));
            assertEquals(1, Sql.count(ds, "select count(*) from ticket_note where problem_report_id = ? and visibility = 'PUBLIC' and author = 'auto-close'", id));
            assertEquals(1, Sql.count(ds, "select count(*) from outbox_event where aggregate = 'PROBLEM_REPORT' and aggregate_id = ? "
                    + "and payload->>'action' = 'autoClose'", id));
        }
        assertEquals("RESOLVED", Sql.row(ds, "select status from problem_report where id = ?", fresh).get("status"));
        assertEquals("CLOSED", Sql.row(ds, "select status from service_trouble where id = ?", trouble).get("status"));
        assertEquals(1, Sql.count(ds, "select count(*) from status_change where service_trouble_id = ? and to_status = 'CLOSED'", trouble));
        assertEquals(0, autoClose.run(now), "nothing left to close");
    }

    private long resolved(long customer, String resolvedAt) {
        return Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status, resolution, resolved_at) "
                + "values (?, 'Fixed', 'MINOR', 'LOW', 'PORTAL', 'RESOLVED', 'Done', " + resolvedAt + ") returning id", customer);
    }
}
