package dev.supportgraph.sla;

import dev.supportgraph.ticket.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pure arithmetic of an SLA clock, computed from a ticket's status history rather than from
 * stored pause intervals: the history is written by every transition anyway, so the clock can
 * never drift from what happened (a crash between "status changed" and "clock paused" is
 * impossible by construction).
 * <ul>
 * <li>Response: from creation until the first response, the move to IN_PROGRESS or the first PUBLIC
 * note by staff, whichever comes first (never paused); a ticket finished without one (rejected,
 * cancelled) stops it there.</li>
 * <li>Resolution: runs in the open states (ACKNOWLEDGED, IN_PROGRESS, PENDING, HELD) except the
 * policy's pause states (by default only PENDING, waiting on the customer: HELD is the
 * provider's own wait), stops in RESOLVED, CLOSED, REJECTED and CANCELLED (a rejected
 * resolution resumes it).</li>
 * </ul>
 * Both count working time: around the clock, or the policy's business hours ({@link BusinessHours}).
 */
public final class SlaTimeline {

    /** The states a resolution clock can run or pause in; any other stops it. */
    static final Set<TicketStatus> OPEN = Set.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS, TicketStatus.PENDING, TicketStatus.HELD);

    private SlaTimeline() {
    }

    /** The ticket entered {@code status} at {@code at}; the first change is the creation. */
    public record Change(TicketStatus status, Instant at) {
    }

    /**
     * One reading of both clocks at {@code now}. Due times of a paused clock are projected: when it
     * would be due if it resumed now. {@code remaining} is never negative; {@code breached} tells.
     */
    public record Reading(Instant responseDueAt, Instant respondedAt, boolean responseBreached, boolean responseAtRisk,
                          Duration elapsed, Duration remaining, Instant resolutionDueAt,
                          boolean paused, boolean stopped, boolean breached, boolean atRisk) {
    }

    /**
     * @param publicStaffNote when staff first wrote a PUBLIC note on the ticket, or null
     * @param pauses          the states that pause the resolution clock (a subset of PENDING and HELD)
     * @param time            the time both clocks count (targets and the warning are in it)
     */
    public static Reading read(List<Change> history, Instant publicStaffNote, Duration responseTarget, Duration resolutionTarget,
                               Set<TicketStatus> pauses, WorkingTime time, Duration warning, Instant now) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a ticket has at least its creation in its history");
        }
        Instant created = history.getFirst().at();
        Instant started = first(history, c -> c.status() == TicketStatus.IN_PROGRESS);
        Instant respondedAt = started == null || publicStaffNote != null && publicStaffNote.isBefore(started) ? publicStaffNote : started;
        Instant finished = first(history, c -> !OPEN.contains(c.status()));
        Instant responseDueAt = time.plus(created, responseTarget);
        Instant responseReference = respondedAt != null ? respondedAt : finished != null ? finished : now;
        boolean responseBreached = !responseReference.isBefore(responseDueAt);
        boolean responseAtRisk = respondedAt == null && finished == null && !responseBreached
                && time.between(now, responseDueAt).compareTo(warning) <= 0;

        TicketStatus current = history.getLast().status();
        boolean paused = pauses.contains(current);
        boolean stopped = !OPEN.contains(current);
        Instant reference = stopped ? history.getLast().at() : now;
        Duration elapsed = running(history, pauses, time, reference);
        Duration left = resolutionTarget.minus(elapsed);
        boolean breached = !left.isPositive();
        return new Reading(responseDueAt, respondedAt, responseBreached, responseAtRisk,
                elapsed, breached ? Duration.ZERO : left, time.plus(reference, left),
                paused, stopped, breached, !stopped && !paused && !breached && left.compareTo(warning) <= 0);
    }

    private static Instant first(List<Change> history, Predicate<Change> which) {
        return history.stream().filter(which).map(Change::at).findFirst().orElse(null);
    }

    /** Time spent in running states up to {@code until} (intervals after it, e.g. a clock before creation, count zero). */
    static Duration running(List<Change> history, Set<TicketStatus> pauses, WorkingTime time, Instant until) {
        Duration total = Duration.ZERO;
        for (int i = 0; i < history.size(); i++) {
            if (OPEN.contains(history.get(i).status()) && !pauses.contains(history.get(i).status())) {
                Instant from = history.get(i).at();
                Instant to = i + 1 < history.size() ? history.get(i + 1).at() : until;
                if (to.isAfter(until)) {
                    to = until;
                }
                total = total.plus(time.between(from, to));
            }
        }
        return total;
    }
}
