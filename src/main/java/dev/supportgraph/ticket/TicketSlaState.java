package dev.supportgraph.ticket;

import dev.supportgraph.graph.Where;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A queue's SLA condition on the stored resolution clock (written by the SLA job from the same
 * reading as {@code Ticket.sla}), compared with the application clock's time.
 */
@Name("TicketSlaState")
@Description("The state of a ticket's resolution clock, for queue filters.")
public enum TicketSlaState {
    @Description("Running, more than the at-risk warning time before its due time.")
    ON_TRACK("(e.resolutionClock = dev.supportgraph.ticket.ResolutionClock.RUNNING and e.resolutionDueAt > :soon)"),
    @Description("Running and due within the at-risk warning time, not breached yet.")
    AT_RISK("(e.resolutionClock = dev.supportgraph.ticket.ResolutionClock.RUNNING and e.resolutionDueAt > :now and e.resolutionDueAt <= :soon)"),
    @Description("The resolution target was missed (whether the clock still runs, is paused or stopped).")
    BREACHED("(e.resolutionBreached = true or (e.resolutionClock = dev.supportgraph.ticket.ResolutionClock.RUNNING and e.resolutionDueAt <= :now))"),
    @Description("In one of its policy's pause states.")
    PAUSED("e.resolutionClock = dev.supportgraph.ticket.ResolutionClock.PAUSED");

    private final String condition;

    TicketSlaState(String condition) {
        this.condition = condition;
    }

    /**
     * Whether a ticket in {@code state} is in this SLA state at {@code now}: the condition above, in
     * memory, for the queue subscription (which judges the states events carry).
     */
    public boolean holds(TicketQueueState state, Instant now, Duration atRiskBefore) {
        boolean running = state.clock() == ResolutionClock.RUNNING && state.dueAt() != null;
        Instant due = running ? state.dueAt().toInstant() : null;
        return switch (this) {
            case ON_TRACK -> running && due.isAfter(now.plus(atRiskBefore));
            case AT_RISK -> running && due.isAfter(now) && !due.isAfter(now.plus(atRiskBefore));
            case BREACHED -> state.breached() || running && !due.isAfter(now);
            case PAUSED -> state.clock() == ResolutionClock.PAUSED;
        };
    }

    /** Any of {@code states} as judged in {@code sla}; nothing when none are given. */
    static void where(List<TicketSlaState> states, SlaWindow sla, Where where) {
        if (states != null) {
            where.any(states.stream().distinct().map(s -> s.condition).toList(), Map.of("now", sla.now().atOffset(ZoneOffset.UTC),
                    "soon", sla.now().plus(sla.atRiskBefore()).atOffset(ZoneOffset.UTC)));
        }
    }
}
