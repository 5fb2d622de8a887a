package dev.supportgraph.events;

/**
 * The rate at which one replica hands replayed events ({@code after:}) to their subscribers, shared
 * by all replays: rendering and writing a replayed event costs the same CPU on the event loops as
 * any other work there, so without a bound fifty clients replaying a week of events take the
 * event loops from everyone's queries and live events. Each read page reserves its events' share
 * of time; the replay thread that read it waits until that time has come (no burst beyond one page).
 */
final class ReplayBudget {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long nanosPerEvent;
    /** When the events reserved so far have all had their time; guarded by this. */
    private long free;

    /** @param eventsPerSecond the rate; 0 or less: unbounded */
    ReplayBudget(int eventsPerSecond) {
        this.nanosPerEvent = eventsPerSecond <= 0 ? 0 : NANOS_PER_SECOND / eventsPerSecond;
    }

    /** Reserves time for {@code events} read at {@code now} (System.nanoTime); how long to wait before handing them over. */
    synchronized long reserve(int events, long now) {
        long start = Math.max(now, free);
        free = start + events * nanosPerEvent;
        return start - now;
    }

    /** Waits until {@code events} may be handed over. */
    void pace(int events) throws InterruptedException {
        long wait = reserve(events, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
