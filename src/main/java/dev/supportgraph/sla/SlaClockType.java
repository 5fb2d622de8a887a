package dev.supportgraph.sla;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@Name("SlaClock")
@Description("A ticket's SLA clock. The resolution clock pauses in its policy's resolutionPauseStates (by default only PENDING) and stops when resolved, closed, rejected or cancelled.")
public record SlaClockType(
        @Description("The SLA policy whose targets the clock measures.") @NonNull SlaPolicyType policy,
        @NonNull @Description("When the first response is due.") OffsetDateTime responseDueAt,
        @Description("The first response: the move to IN_PROGRESS or the first PUBLIC note by staff, whichever came first; null until then.") OffsetDateTime respondedAt,
        @Description("The first response came (or is still missing) after its due time; a ticket rejected or cancelled without one stops waiting for it.") boolean responseBreached,
        @NonNull @Description("When the resolution is due; while paused, when it would be due if the clock resumed now.") OffsetDateTime resolutionDueAt,
        @NonNull @Description("Resolution clock time used so far, ISO-8601 (e.g. PT2H30M).") String elapsed,
        @Description("The elapsed time in seconds.") int elapsedSeconds,
        @NonNull @Description("Resolution clock time left, ISO-8601; PT0S once breached.") String remaining,
        @Description("The remaining time in seconds.") int remainingSeconds,
        @Description("The ticket is in one of the policy's pause states; the resolution clock does not run.") boolean paused,
        @Description("The ticket is resolved or finished; the resolution clock no longer runs.") boolean stopped,
        @Description("The resolution target was missed.") boolean breached,
        @Description("Running and within the configured warning time of the resolution target.") boolean atRisk) {

    static SlaClockType of(SlaPolicyType policy, SlaTimeline.Reading r) {
        return new SlaClockType(policy, utc(r.responseDueAt()), r.respondedAt() == null ? null : utc(r.respondedAt()),
                r.responseBreached(), utc(r.resolutionDueAt()), r.elapsed().toString(), (int) r.elapsed().toSeconds(),
                r.remaining().toString(), (int) r.remaining().toSeconds(), r.paused(), r.stopped(), r.breached(), r.atRisk());
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
