package dev.supportgraph.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays of the outbox consumers' work (webhook deliveries, e-mails). */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The delay before the next attempt after {@code attempts} failed ones: {@code initial} doubled
     * per further failure, capped at {@code max}, with "equal jitter" (half of it fixed, half random)
     * so that work failing together does not retry together.
     */
    public static long millis(Duration initial, Duration max, int attempts) {
        long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }
}
