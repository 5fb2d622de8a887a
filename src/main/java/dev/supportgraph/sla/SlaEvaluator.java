package dev.supportgraph.sla;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA job: reads the clocks of all open problem reports, fires at-risk and breach events that
 * are due (with credits for breached resolutions) and applies pending credits. Nothing is kept
 * in memory between runs, so a restart just evaluates again; several replicas may run it at once
 * (see {@link SlaFiring} for why nothing fires twice).
 */
@ApplicationScoped
public class SlaEvaluator {

    @Inject
    SlaService sla;

    @Inject
    SlaFiring firing;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "sla-evaluator", every = "${supportgraph.sla.evaluate-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        evaluate();
    }

    /** One pass at the clock's current time; returns how many events and credit applications it made. */
    public int evaluate() {
        Instant now = clock.instant();
        int done = 0;
        long after = 0;
        List<SlaTicket> batch;
        do {
            batch = sla.openTickets(after, config.batchSize());
            for (SlaTicket ticket : batch) {
                SlaTimeline.Reading reading = ticket.read(config.atRiskBefore(), now);
                List<SlaEventKind> due = due(reading);
                due.removeAll(ticket.fired());
                if (!due.isEmpty()) {
                    done += firing.fire(ticket, reading, due, now);
                }
            }
            after = batch.isEmpty() ? after : batch.getLast().id();
        } while (batch.size() == config.batchSize());
        return done + firing.applyPending(config.batchSize(), now);
    }

    /** The events a reading calls for, in declaration order (the order evaluators lock in). */
    static List<SlaEventKind> due(SlaTimeline.Reading r) {
        List<SlaEventKind> due = new ArrayList<>();
        if (r.responseAtRisk()) {
            due.add(SlaEventKind.RESPONSE_AT_RISK);
        }
        if (r.responseBreached()) {
            due.add(SlaEventKind.RESPONSE_BREACHED);
        }
        if (r.atRisk()) {
            due.add(SlaEventKind.RESOLUTION_AT_RISK);
        }
        if (r.breached()) {
            due.add(SlaEventKind.RESOLUTION_BREACHED);
        }
        return due;
    }
}
