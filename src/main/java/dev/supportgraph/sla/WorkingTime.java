package dev.supportgraph.sla;

import java.time.Duration;
import java.time.Instant;

/** The time an SLA clock counts: around the clock ({@link #ALWAYS}) or a policy's {@link BusinessHours}. */
public interface WorkingTime {

    /** Every hour of every day. */
    WorkingTime ALWAYS = new WorkingTime() {
        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public Instant plus(Instant from, Duration amount) {
            return from.plus(amount);
        }
    };

    /** The working time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** When {@code amount} of working time has passed after {@code from} (before it, when negative). */
    Instant plus(Instant from, Duration amount);
}
