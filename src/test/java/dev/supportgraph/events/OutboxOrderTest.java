package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import dev.supportgraph.ticket.TicketKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbox ids commit in id order (see Outbox): the lock is taken in the trail statement before an
 * id is drawn, so a reader paging by "id > last seen" misses nothing under concurrent transitions.
 */
@QuarkusTest
class OutboxOrderTest {

    private static final String OUTBOX_LOCK = "select pg_advisory_xact_lock(hashtext('supportgraph.outbox'))";
    private static final String LAST_OUTBOX_ID = "select last_value from outbox_event_id_seq";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Between the reader's pages, to leave the writers the CPU. */
    private static final Duration PAUSE = Duration.ofMillis(5);

    @Inject
    DataSource ds;

    @Inject
    TicketEvents events;

    @Inject
    OutboxReader reader;

    private final TicketMutations tickets = new TicketMutations(null);

    @Test
    void aTransitionDrawsItsOutboxIdOnlyOnceItHoldsTheLock() throws Exception {
        String report = tickets.problemReport(Tokens.agent(), events.customer("Lock order"));
        long drawn;
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(OUTBOX_LOCK)) {
                lock.execute();
            }
            drawn = Sql.count(ds, LAST_OUTBOX_ID);
            CompletableFuture<Integer> transition = CompletableFuture.supplyAsync(
                    () -> tickets.transition(Tokens.agent(), report, "IN_PROGRESS", null));
            awaitWaitingOnTheLock();
            // Blocked in its trail statement, and no outbox id drawn yet.
            assertFalse(transition.isDone());
            assertEquals(drawn, Sql.count(ds, LAST_OUTBOX_ID));
            holder.rollback();
            assertEquals(1, transition.get());
        }
        // Created, then moved: the move's event has the id drawn after the lock was released.
        List<Long> ids = events.eventIds(TicketKind.PROBLEM_REPORT, GlobalId.decode(report).id());
        assertEquals(2, ids.size());
        assertTrue(ids.getLast() > drawn);
    }

    @Test
    void aReaderPagingByIdMissesNoEventOfConcurrentTransitions() throws Exception {
        long customer = events.customer("Concurrent order");
        int writers = 4;
        int changes = 10;
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            reports.add(tickets.problemReport(Tokens.agent(), customer));
        }
        long start = reader.lastId();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (String report : reports) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changes; i++) {
                        tickets.transition(Tokens.agent(), report, i % 2 == 0 ? "IN_PROGRESS" : "HELD", null);
                    }
                }));
            }
            // Reads as the dispatcher does, while the writers commit: each page starts after the last id seen.
            List<Long> seen = new ArrayList<>();
            long head = start;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (done.stream().anyMatch(f -> !f.isDone()) && Instant.now().isBefore(deadline)) {
                head = read(head, seen);
                Thread.sleep(PAUSE.toMillis());
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            long last = read(head, seen);
            List<Long> committed = Sql.rows(ds, "select id from outbox_event where id > ? and id <= ? order by id", start, last)
                    .stream().map(r -> (Long) r.get("id")).toList();
            assertEquals(committed, seen);
            assertEquals(writers * changes, Sql.count(ds, "select count(*) from outbox_event where id > ? and id <= ?"
                    + " and type = 'TICKET_STATUS_CHANGED' and customer_id = ?", start, last, customer), "every change was read");
        } finally {
            pool.shutdownNow();
        }
    }

    private long read(long head, List<Long> seen) {
        long last = head;
        for (OutboxEvent event : reader.read(head, Long.MAX_VALUE, 1000)) {
            seen.add(event.id());
            last = event.id();
        }
        return last;
    }

    private void awaitWaitingOnTheLock() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Sql.count(ds, "select count(*) from pg_locks where locktype = 'advisory' and not granted") == 0) {
            assertTrue(Instant.now().isBefore(deadline), "no transaction waits on the outbox lock");
            Thread.sleep(50);
        }
    }
}
