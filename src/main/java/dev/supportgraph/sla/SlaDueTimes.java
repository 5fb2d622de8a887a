package dev.supportgraph.sla;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.ticket.ResolutionClock;
import dev.supportgraph.ticket.TicketQueueState;
import dev.supportgraph.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores each ticket's resolution clock (state, due time, breached) where the queues filter and
 * order by it, computed by the same reading as {@code Ticket.sla} ({@link SlaTimeline}): the
 * stored columns are a copy of that one source of truth, never a second calculation. Every change
 * that can move a clock (status, priority, affected services) moves the ticket's version; the
 * SLA job rewrites the tickets whose version moved since it last wrote them ({@code sla_version}),
 * so a change costs its transaction nothing extra and the copy is at most one evaluation old.
 * A running clock's due time does not move with time, so nothing needs rewriting between changes.
 */
@ApplicationScoped
public class SlaDueTimes {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SlaConfig config;

    @Inject
    Outbox outbox;

    /** Rewrites every stale ticket's clock, batch by batch; returns how many it wrote. */
    public int refresh() {
        int written = 0;
        for (SlaSubject subject : SlaSubject.values()) {
            long after = 0;
            Batch batch;
            do {
                batch = refresh(subject, after, config.batchSize());
                written += batch.written();
                after = batch.last();
            } while (batch.read() == config.batchSize());
        }
        return written;
    }

    /** What one batch read (its last id) and wrote; a ticket changed meanwhile stays stale for the next run. */
    record Batch(int read, int written, long last) {
    }

    @Transactional
    Batch refresh(SlaSubject subject, long after, int limit) {
        String customer = subject == SlaSubject.PROBLEM_REPORT ? "t.customer_id" : "null::bigint";
        Instant now = clock.instant();
        List<Object[]> stale = em.createNativeQuery("select t.id, t.version, t.number, t.status, " + customer + ", "
                        + TicketQueueState.columns("t") + ", t.sla_version is not null or t.updated_at >= ?3 from " + subject.table
                        + " t where t.sla_version is distinct from t.version and t.id > ?1 order by t.id limit ?2", Object[].class)
                .setParameter(1, after).setParameter(2, limit)
                .setParameter(3, now.minus(config.announceFirstClockWithin()).atOffset(ZoneOffset.UTC)).getResultList();
        if (stale.isEmpty()) {
            return new Batch(0, 0, after);
        }
        List<Long> ids = stale.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Object[]> rows = em.createNativeQuery("select " + subject.columns() + " from " + subject.from + " where p.id = any(?1)",
                Object[].class).setParameter(1, KeyList.of(ids)).getResultList();
        Map<Long, SlaTicket> clocks = rows.stream().map(SlaTicket::of).collect(Collectors.toMap(SlaTicket::id, Function.identity()));
        int n = stale.size();
        Long[] versions = new Long[n];
        String[] states = new String[n];
        String[] due = new String[n];
        Boolean[] breached = new Boolean[n];
        for (int i = 0; i < n; i++) {
            versions[i] = ((Number) stale.get(i)[1]).longValue();
            SlaTicket ticket = clocks.get(ids.get(i));
            // No policy (e.g. a trouble without affected services): no clock.
            SlaTimeline.Reading reading = ticket == null ? null : ticket.read(config.atRiskBefore(), now);
            ResolutionClock state = reading == null ? null : reading.stopped() ? ResolutionClock.STOPPED
                    : reading.paused() ? ResolutionClock.PAUSED : ResolutionClock.RUNNING;
            states[i] = state == null ? null : state.name();
            due[i] = state == ResolutionClock.RUNNING ? reading.resolutionDueAt().toString() : null;
            breached[i] = reading != null && reading.breached();
        }
        List<?> written = em.createNativeQuery("update " + subject.table + """
                         t set resolution_clock = u.state, resolution_due_at = u.due, resolution_breached = u.breached, sla_version = u.version
                        from unnest(cast(?1 as bigint[]), cast(?2 as bigint[]), cast(?3 as text[]), cast(?4 as timestamptz[]),
                                    cast(?5 as boolean[])) as u(id, version, state, due, breached)
                        where t.id = u.id and t.version = u.version returning t.id""")
                .setParameter(1, ids.toArray(Long[]::new)).setParameter(2, versions).setParameter(3, states)
                .setParameter(4, due).setParameter(5, breached).getResultList();
        Set<Long> rewritten = written.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
        for (int i = 0; i < n; i++) {
            if (rewritten.contains(ids.get(i)) && Boolean.TRUE.equals(stale.get(i)[11])) {
                announce(subject, stale.get(i), states[i], due[i], breached[i], now);
            }
        }
        return new Batch(n, written.size(), ids.getLast());
    }

    /**
     * A TICKET_SLA_CHANGED event when the rewrite moved the clock a queue sees (state, due time,
     * breach), for the queue subscription; payload {@code {"number", "at", "queueBefore", "queue"}}.
     * A rewrite that changed nothing of it (most: a status change's own event already told) stays
     * silent, as does the first clock of a ticket untouched for announceFirstClockWithin (a backfill).
     */
    private void announce(SlaSubject subject, Object[] row, String state, String due, boolean breached, Instant now) {
        TicketQueueState before = TicketQueueState.of(TicketStatus.valueOf((String) row[3]), row, 5);
        TicketQueueState after = before.withClock(state == null ? null : ResolutionClock.valueOf(state),
                due == null ? null : OffsetDateTime.parse(due), breached);
        if (after.equals(before)) {
            return;
        }
        Map<String, Object> payload = TicketQueueState.payload(before, after);
        payload.put("number", row[2]);
        payload.put("at", now.atOffset(ZoneOffset.UTC).toString());
        outbox.publish(EventType.TICKET_SLA_CHANGED, subject.name(), ((Number) row[0]).longValue(),
                row[4] == null ? null : ((Number) row[4]).longValue(), payload);
    }
}
