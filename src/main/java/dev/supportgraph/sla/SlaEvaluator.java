package dev.supportgraph.sla;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SLA job: stores the clocks of changed tickets for the queues and announces the clocks that
 * became at risk or breached by time alone ({@link SlaDueTimes}), reads the clocks of open problem reports in batches, fires at-risk and breach
 * events that are due (with credits for breached resolutions), one transaction per batch, and
 * applies pending credits. It fires at most {@code max-firings-per-cycle} events per run and
 * stops reading there; the rest is due again at the next run, which starts over from the lowest
 * id (fired events are not due again). Nothing is kept in memory between runs, so a restart just
 * evaluates again; several replicas may run it at once (see {@link SlaFiring} for why nothing
 * fires twice).
 */
@ApplicationScoped
@Startup // its meters exist from the start, not from the first evaluation
public class SlaEvaluator {

    private static final Logger LOG = Logger.getLogger(SlaEvaluator.class);

    @Inject
    SlaService sla;

    @Inject
    SlaFiring firing;

    @Inject
    SlaDueTimes dueTimes;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private Counter fired;
    private Counter deferredTickets;
    private Timer duration;

    @PostConstruct
    void meters() {
        fired = Counter.builder("supportgraph.sla.events.fired").description("SLA at-risk and breach events fired")
                .register(registry);
        deferredTickets = Counter.builder("supportgraph.sla.deferred").baseUnit("tickets")
                .description("Due tickets an evaluation left to the next one (max-firings-per-cycle reached), once per evaluation they wait")
                .register(registry);
        duration = Timer.builder("supportgraph.sla.evaluation").description("One evaluation of the SLA clocks").register(registry);
    }

    @Scheduled(identity = "sla-evaluator", every = "${supportgraph.sla.evaluate-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dueTimes.refresh();
        dueTimes.announceCrossings();
        evaluate();
    }

    /** One pass at the clock's current time; returns how many events and credit applications it made. */
    public int evaluate() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int planned = 0;
        int done = 0;
        int deferred = 0;
        long after = 0;
        List<SlaTicket> batch;
        do {
            batch = sla.openTickets(after, config.batchSize());
            List<SlaFiring.Due> dueTickets = new ArrayList<>();
            for (SlaTicket ticket : batch) {
                SlaTimeline.Reading reading = ticket.read(config.atRiskBefore(), now);
                List<SlaEventKind> kinds = due(reading);
                kinds.removeAll(ticket.fired());
                if (kinds.isEmpty()) {
                    continue;
                }
                if (deferred > 0 || (planned > 0 && planned + kinds.size() > config.maxFiringsPerCycle())) {
                    deferred++;
                } else {
                    dueTickets.add(new SlaFiring.Due(ticket, reading, kinds));
                    planned += kinds.size();
                }
            }
            if (!dueTickets.isEmpty()) {
                done += firing.fire(dueTickets, now);
            }
            after = batch.isEmpty() ? after : batch.getLast().id();
        } while (batch.size() == config.batchSize() && deferred == 0);
        int applied = firing.applyPending(config.batchSize(), now);
        long took = System.nanoTime() - started;
        fired.increment(done);
        deferredTickets.increment(deferred);
        duration.record(took, TimeUnit.NANOSECONDS);
        if (done + applied + deferred > 0) {
            LOG.infof("SLA evaluation fired %d events and applied %d pending credits in %d ms%s", done, applied,
                    TimeUnit.NANOSECONDS.toMillis(took), deferred == 0 ? "" : "; max-firings-per-cycle " + config.maxFiringsPerCycle()
                            + " reached: " + deferred + " due tickets (and any not read, after report id " + after + ") wait for the next one");
        }
        return done + applied;
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
