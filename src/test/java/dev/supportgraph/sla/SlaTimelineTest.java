package dev.supportgraph.sla;

import dev.supportgraph.sla.SlaTimeline.Change;
import dev.supportgraph.sla.SlaTimeline.Reading;
import dev.supportgraph.ticket.TicketStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.supportgraph.ticket.TicketStatus.ACKNOWLEDGED;
import static dev.supportgraph.ticket.TicketStatus.CLOSED;
import static dev.supportgraph.ticket.TicketStatus.HELD;
import static dev.supportgraph.ticket.TicketStatus.IN_PROGRESS;
import static dev.supportgraph.ticket.TicketStatus.PENDING;
import static dev.supportgraph.ticket.TicketStatus.REJECTED;
import static dev.supportgraph.ticket.TicketStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pause/resume arithmetic of SLA clocks, without a database. */
@Tag("pure")
class SlaTimelineTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration RESPONSE = Duration.ofMinutes(30);
    private static final Duration RESOLUTION = Duration.ofHours(8);
    private static final Duration WARNING = Duration.ofMinutes(30);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A policy whose resolution clock pauses in PENDING and HELD. */
    private static final Set<TicketStatus> BOTH = Set.of(PENDING, HELD);

    private static Reading read(int nowMinutes, Change... history) {
        return read(BOTH, nowMinutes, history);
    }

    private static Reading read(Set<TicketStatus> pauses, int nowMinutes, Change... history) {
        return SlaTimeline.read(List.of(history), null, RESPONSE, RESOLUTION, pauses, WorkingTime.ALWAYS, WARNING, at(nowMinutes));
    }

    @Test
    void byDefaultOnlyPendingPausesHeldIsTheProvidersOwnWait() {
        Change[] history = {new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(10)), new Change(PENDING, at(60)),
                new Change(IN_PROGRESS, at(180)), new Change(HELD, at(200)), new Change(IN_PROGRESS, at(260))};
        Set<TicketStatus> pendingOnly = Set.of(PENDING);
        // Only 60..180 (PENDING) is paused; the hour HELD counts.
        assertEquals(Duration.ofMinutes(300 - 120), read(pendingOnly, 300, history).elapsed());
        assertEquals(Duration.ofMinutes(300 - 180), read(BOTH, 300, history).elapsed());
        Reading held = read(pendingOnly, 240, java.util.Arrays.copyOf(history, 5));
        assertFalse(held.paused(), "HELD is not a pause under this policy");
        assertEquals(Duration.ofMinutes(240 - 120), held.elapsed());
        assertTrue(read(BOTH, 240, java.util.Arrays.copyOf(history, 5)).paused());
        assertEquals(Duration.ofMinutes(300), read(Set.of(), 300, history).elapsed(), "a policy without pauses never stops for waits");
    }

    @Test
    void aRunningClockCountsFromCreation() {
        Reading r = read(90, new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(20)));
        assertEquals(Duration.ofMinutes(90), r.elapsed());
        assertEquals(Duration.ofMinutes(390), r.remaining());
        assertEquals(at(480), r.resolutionDueAt());
        assertEquals(at(20), r.respondedAt());
        assertEquals(at(30), r.responseDueAt());
        assertFalse(r.responseBreached());
        assertFalse(r.paused() || r.stopped() || r.breached() || r.atRisk());
    }

    @Test
    void pendingAndHeldPauseTheClockAndResumingShiftsTheDueTime() {
        Change[] history = {new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(10)), new Change(PENDING, at(60)),
                new Change(IN_PROGRESS, at(180)), new Change(HELD, at(200)), new Change(IN_PROGRESS, at(260))};
        // Paused: 60..180 (PENDING) and 200..260 (HELD) = 180 minutes.
        Reading r = read(300, history);
        assertEquals(Duration.ofMinutes(300 - 180), r.elapsed());
        assertEquals(at(480 + 180), r.resolutionDueAt());
        assertFalse(r.paused());

        Reading whilePaused = read(240, java.util.Arrays.copyOf(history, 5));
        assertTrue(whilePaused.paused());
        assertEquals(Duration.ofMinutes(60 + 20), whilePaused.elapsed(), "running 0..60 and 180..200");
        assertEquals(Duration.ofMinutes(400), whilePaused.remaining());
        assertFalse(whilePaused.atRisk(), "a paused clock is never at risk");
        assertEquals(Duration.ofMinutes(80), read(10_000, java.util.Arrays.copyOf(history, 5)).elapsed(),
                "however long the pause lasts");
    }

    @Test
    void atRiskWithinTheWarningAndBreachedAtTheDueTime() {
        Change[] history = {new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(5)), new Change(PENDING, at(100)),
                new Change(IN_PROGRESS, at(160))};
        // Due at 480 + 60 paused = 540; warning from 510.
        assertFalse(read(509, history).atRisk());
        assertTrue(read(510, history).atRisk());
        assertFalse(read(539, history).breached());
        Reading breached = read(540, history);
        assertTrue(breached.breached());
        assertFalse(breached.atRisk());
        assertEquals(Duration.ZERO, breached.remaining());
        assertEquals(at(540), breached.resolutionDueAt());
    }

    @Test
    void responseIsBreachedWhenTheTicketStaysAcknowledgedTooLong() {
        Reading waiting = read(25, new Change(ACKNOWLEDGED, T0));
        assertTrue(waiting.responseAtRisk());
        assertNull(waiting.respondedAt());
        assertTrue(read(30, new Change(ACKNOWLEDGED, T0)).responseBreached());
        Reading late = read(100, new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(45)));
        assertTrue(late.responseBreached());
        assertFalse(late.responseAtRisk());
    }

    @Test
    void theFirstPublicStaffNoteOrTheStartWhicheverComesFirstIsTheResponse() {
        Change[] history = {new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(45))};
        Reading noted = SlaTimeline.read(List.of(history), at(20), RESPONSE, RESOLUTION, BOTH, WorkingTime.ALWAYS, WARNING, at(100));
        assertEquals(at(20), noted.respondedAt(), "the note came first");
        assertFalse(noted.responseBreached());
        Reading started = SlaTimeline.read(List.of(history), at(50), RESPONSE, RESOLUTION, BOTH, WorkingTime.ALWAYS, WARNING, at(100));
        assertEquals(at(45), started.respondedAt(), "the start came first");
        assertTrue(started.responseBreached());
        Reading noteOnly = SlaTimeline.read(List.of(new Change(ACKNOWLEDGED, T0)), at(25), RESPONSE, RESOLUTION, BOTH, WorkingTime.ALWAYS, WARNING, at(100));
        assertEquals(at(25), noteOnly.respondedAt());
        assertFalse(noteOnly.responseBreached() || noteOnly.responseAtRisk());
        // Rejected without a response before its due time: the clock stopped there, nothing was missed.
        Reading rejected = read(100, new Change(ACKNOWLEDGED, T0), new Change(REJECTED, at(10)));
        assertNull(rejected.respondedAt());
        assertFalse(rejected.responseBreached() || rejected.responseAtRisk());
    }

    @Test
    void resolvingStopsTheClockAndRejectingTheResolutionResumesIt() {
        Change[] resolved = {new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(10)), new Change(RESOLVED, at(100))};
        Reading stopped = read(1_000, resolved);
        assertTrue(stopped.stopped());
        assertEquals(Duration.ofMinutes(100), stopped.elapsed());
        assertFalse(stopped.breached());
        Reading reopened = read(400, new Change(ACKNOWLEDGED, T0), new Change(IN_PROGRESS, at(10)),
                new Change(RESOLVED, at(100)), new Change(IN_PROGRESS, at(300)));
        assertEquals(Duration.ofMinutes(200), reopened.elapsed(), "the time spent RESOLVED does not count");
        assertTrue(read(2_000, new Change(ACKNOWLEDGED, T0), new Change(CLOSED, at(10))).stopped());
    }

    @Test
    void aClockReadBeforeTheTicketExistedHasUsedNothing() {
        Reading r = read(-60, new Change(ACKNOWLEDGED, T0));
        assertEquals(Duration.ZERO, r.elapsed());
        assertEquals(RESOLUTION, r.remaining());
    }
}
