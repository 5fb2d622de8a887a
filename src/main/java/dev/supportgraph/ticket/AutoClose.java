package dev.supportgraph.ticket;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Closes tickets that stayed RESOLVED longer than {@code supportgraph.auto-close.after}: per ticket
 * kind and batch, ONE {@code UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING}
 * claims and closes the rows, so replicas running the job at once close disjoint sets and each
 * ticket exactly once (a row another replica has locked is skipped; once it commits, the row is no
 * longer RESOLVED). In the same transaction each closed ticket gets its status_change row and
 * TICKET_STATUS_CHANGED event (action {@code autoClose}) and a PUBLIC note.
 */
@ApplicationScoped
public class AutoClose {

    private static final Logger LOG = Logger.getLogger(AutoClose.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AutoCloseConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "ticket-auto-close", every = "${supportgraph.auto-close.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int closed = run(clock.instant());
        if (closed > 0) {
            LOG.infof("Auto-close closed %d RESOLVED tickets", closed);
        }
    }

    /** Closes every ticket RESOLVED before {@code now - after}; returns how many this call closed. */
    public int run(Instant now) {
        int total = 0;
        for (TicketKind kind : TicketKind.values()) {
            int closed;
            do {
                closed = QuarkusTransaction.requiringNew().call(() -> closeBatch(kind, now));
                total += closed;
            } while (closed == config.batchSize());
        }
        return total;
    }

    private int closeBatch(TicketKind kind, Instant now) {
        String table = kind.table;
        String customer = kind == TicketKind.PROBLEM_REPORT ? "t.customer_id" : "null::bigint";
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Object[]> rows = em.createNativeQuery("update " + table + " t set status = 'CLOSED', closed_at = ?1, updated_at = ?1,"
                        + " version = t.version + 1 where t.id in (select id from " + table + " where status = 'RESOLVED'"
                        + " and resolved_at < ?2 order by id limit ?3 for update skip locked) returning t.id, t.number, " + customer
                        + ", " + TicketQueueState.columns("t"),
                        Object[].class)
                .setParameter(1, at).setParameter(2, now.minus(config.after()).atOffset(ZoneOffset.UTC))
                .setParameter(3, config.batchSize()).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            Long customerId = row[2] == null ? null : ((Number) row[2]).longValue();
            TicketRef ticket = new TicketRef(kind, id);
            TicketQueueState before = TicketQueueState.of(TicketStatus.RESOLVED, row, 3);
            outbox.publish(EventType.TICKET_STATUS_CHANGED, kind.name(), id, customerId, column(kind), new Outbox.Change(
                    (String) row[1], TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name(), "autoClose",
                    "no reaction within " + config.after(), config.actor(), at,
                    TicketQueueState.payload(before, before.withStatus(TicketStatus.CLOSED))));
            TicketNote note = new TicketNote();
            note.ownedBy(ticket);
            note.customerId = customerId;
            note.visibility = NoteVisibility.PUBLIC;
            note.author = config.actor();
            note.body = config.note();
            em.persist(note);
        }
        return rows.size();
    }

    private static String column(TicketKind kind) {
        return kind.table + "_id";
    }
}
