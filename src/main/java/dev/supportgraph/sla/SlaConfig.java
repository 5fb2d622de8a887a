package dev.supportgraph.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** SLA clock settings under {@code supportgraph.sla.*} (env: {@code SUPPORTGRAPH_SLA_*}). */
@ConfigMapping(prefix = "supportgraph.sla")
public interface SlaConfig {

    /** How often each replica evaluates the clocks ({@code off} disables the job); read by the @Scheduled expression. */
    @WithDefault("30s")
    String evaluateEvery();

    /** A running clock is at risk once this little time is left (ISO-8601 or e.g. {@code 30M}). */
    @WithDefault("30M")
    Duration atRiskBefore();

    /** How many open tickets one evaluation reads per statement; their due events are fired in one transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * The most clock events one evaluation fires, so that a backlog (e.g. after downtime) is
     * worked off over several evaluations instead of in one unbounded one. Whole tickets: the
     * ticket that would exceed it and all due tickets after it wait for the next evaluation
     * (the first due ticket of an evaluation always fires, so a tiny value still makes progress).
     */
    @WithDefault("5000")
    int maxFiringsPerCycle();

    /**
     * A ticket whose clock is stored for the first time announces it (TICKET_SLA_CHANGED, for queue
     * subscriptions) only when it changed within this time: new and just-edited tickets do, a
     * backfill of old untouched ones (a migration, a bulk import) does not flood the outbox.
     */
    @WithDefault("1H")
    Duration announceFirstClockWithin();

    /** Who is recorded as the author of credits the evaluator grants. */
    @WithDefault("sla-evaluator")
    String actor();
}
