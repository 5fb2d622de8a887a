package dev.supportgraph.sla;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.ticket.ResolutionClock;
import dev.supportgraph.ticket.TicketQueueState;
import dev.supportgraph.ticket.TicketSlaState;
import dev.supportgraph.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * A running clock's due time does not move with time, so nothing needs rewriting between changes;
 * its crossings into AT_RISK and BREACHED by time alone are announced by {@link #announceCrossings()}.
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
        Boolean[] moved = new Boolean[n];
        String[] announced = new String[n];
        TicketQueueState[] was = new TicketQueueState[n];
        TicketQueueState[] is = new TicketQueueState[n];
        for (int i = 0; i < n; i++) {
            Object[] row = stale.get(i);
            versions[i] = ((Number) row[1]).longValue();
            SlaTicket ticket = clocks.get(ids.get(i));
            // No policy (e.g. a trouble without affected services): no clock.
            SlaTimeline.Reading reading = ticket == null ? null : ticket.read(config.atRiskBefore(), now);
            ResolutionClock state = reading == null ? null : reading.stopped() ? ResolutionClock.STOPPED
                    : reading.paused() ? ResolutionClock.PAUSED : ResolutionClock.RUNNING;
            states[i] = state == null ? null : state.name();
            due[i] = state == ResolutionClock.RUNNING ? reading.resolutionDueAt().toString() : null;
            breached[i] = reading != null && reading.breached();
            was[i] = TicketQueueState.of(TicketStatus.valueOf((String) row[3]), row, 5);
            is[i] = was[i].withClock(state, due[i] == null ? null : OffsetDateTime.parse(due[i]), breached[i]);
            moved[i] = !is[i].equals(was[i]);
            announced[i] = Crossing.of(is[i], now, config.atRiskBefore()).stored;
        }
        // A moved clock is announced as judged now (or, first stored for an old ticket, not at all): its crossings up to now are told.
        List<?> written = em.createNativeQuery("update " + subject.table + """
                         t set resolution_clock = u.state, resolution_due_at = u.due, resolution_breached = u.breached, sla_version = u.version,
                               sla_announced = case when u.moved then u.announced else t.sla_announced end
                        from unnest(cast(?1 as bigint[]), cast(?2 as bigint[]), cast(?3 as text[]), cast(?4 as timestamptz[]),
                                    cast(?5 as boolean[]), cast(?6 as boolean[]), cast(?7 as text[]))
                             as u(id, version, state, due, breached, moved, announced)
                        where t.id = u.id and t.version = u.version and t.sla_version is distinct from u.version returning t.id""")
                .setParameter(1, ids.toArray(Long[]::new)).setParameter(2, versions).setParameter(3, states)
                .setParameter(4, due).setParameter(5, breached).setParameter(6, moved).setParameter(7, announced).getResultList();
        Set<Long> rewritten = written.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
        for (int i = 0; i < n; i++) {
            Object[] row = stale.get(i);
            // A rewrite that changed nothing a queue sees (most: a status change's own event already told) stays silent,
            // as does the first clock of a ticket untouched for announceFirstClockWithin (a backfill).
            if (moved[i] && rewritten.contains(ids.get(i)) && Boolean.TRUE.equals(row[11])) {
                publish(subject, row, was[i], now, is[i], now);
            }
        }
        return new Batch(n, written.size(), ids.getLast());
    }

    /**
     * Announces the running clocks that became AT_RISK or BREACHED by time alone since they were
     * stored or last announced, batch by batch; returns how many it announced. Each crossing is
     * claimed by moving {@code sla_announced} in the statement that finds it (rows locked by another
     * replica are skipped, rows it moved meanwhile no longer match), so it is announced once.
     */
    public int announceCrossings() {
        int announced = 0;
        for (SlaSubject subject : SlaSubject.values()) {
            int n;
            do {
                n = announceCrossings(subject, config.batchSize());
                announced += n;
            } while (n == config.batchSize());
        }
        return announced;
    }

    @Transactional
    int announceCrossings(SlaSubject subject, int limit) {
        String customer = subject == SlaSubject.PROBLEM_REPORT ? "t.customer_id" : "null::bigint";
        Instant now = clock.instant();
        List<Object[]> crossed = em.createNativeQuery("update " + subject.table + " t set sla_announced = case when t.resolution_due_at <= ?1"
                        + " then 'BREACHED' else 'AT_RISK' end from (select c.id, c.sla_announced from " + subject.table + " c"
                        + " where c.resolution_clock = 'RUNNING' and not c.resolution_breached and c.sla_announced is distinct from 'BREACHED'"
                        + " and c.resolution_due_at <= ?2 and (c.sla_announced is null or c.resolution_due_at <= ?1)"
                        + " order by c.resolution_due_at limit ?3 for update skip locked) d where t.id = d.id"
                        + " returning t.id, t.version, t.number, t.status, " + customer + ", " + TicketQueueState.columns("t") + ", d.sla_announced",
                        Object[].class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, now.plus(config.atRiskBefore()).atOffset(ZoneOffset.UTC))
                .setParameter(3, limit).getResultList();
        for (Object[] row : crossed) {
            TicketQueueState state = TicketQueueState.of(TicketStatus.valueOf((String) row[3]), row, 5);
            Crossing was = row[11] == null ? Crossing.ON_TRACK : Crossing.valueOf((String) row[11]);
            publish(subject, row, state, was.lastHeld(state.dueAt().toInstant(), config.atRiskBefore()), state, now);
        }
        return crossed.size();
    }

    /**
     * The states a running clock passes through by time alone; {@code stored} is how sla_announced
     * records having announced it (null: nothing yet).
     */
    private enum Crossing {
        ON_TRACK(null), AT_RISK("AT_RISK"), BREACHED("BREACHED");

        final String stored;

        Crossing(String stored) {
            this.stored = stored;
        }

        /** Where a clock in {@code state} is at {@code now}, as the queues judge it (TicketSlaState). */
        static Crossing of(TicketQueueState state, Instant now, Duration atRiskBefore) {
            return TicketSlaState.BREACHED.holds(state, now, atRiskBefore) ? BREACHED
                    : TicketSlaState.AT_RISK.holds(state, now, atRiskBefore) ? AT_RISK : ON_TRACK;
        }

        /** The last instant a running clock due at {@code due} was in this state (stored times have microseconds). */
        Instant lastHeld(Instant due, Duration atRiskBefore) {
            return (this == ON_TRACK ? due.minus(atRiskBefore) : due).minus(1, ChronoUnit.MICROS);
        }
    }

    /**
     * A TICKET_SLA_CHANGED event for the queue subscription, payload {@code {"number", "at", "queueBefore", "queue"}}
     * and, for a crossing by time, {@code "atBefore"}: when the state before held (the stored clock is the same).
     * {@code row}: id, version, number, status, customer, then {@link TicketQueueState#columns}.
     */
    private void publish(SlaSubject subject, Object[] row, TicketQueueState before, Instant atBefore, TicketQueueState after, Instant now) {
        Map<String, Object> payload = TicketQueueState.payload(before, after);
        payload.put("number", row[2]);
        payload.put("at", now.atOffset(ZoneOffset.UTC).toString());
        if (!atBefore.equals(now)) {
            payload.put("atBefore", atBefore.atOffset(ZoneOffset.UTC).toString());
        }
        outbox.publish(EventType.TICKET_SLA_CHANGED, subject.name(), ((Number) row[0]).longValue(),
                row[4] == null ? null : ((Number) row[4]).longValue(), payload);
    }
}
