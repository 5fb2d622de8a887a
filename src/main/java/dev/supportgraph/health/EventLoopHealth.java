package dev.supportgraph.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Readiness and liveness from the event loops' lag ({@link EventLoopProbe}). */
public final class EventLoopHealth {

    private static final String NAME = "Vert.x event loops";

    private EventLoopHealth() {
    }

    static HealthCheckResponse check(EventLoopProbe probe, Duration limit) {
        Duration lag = probe.worstLag();
        return HealthCheckResponse.named(NAME).status(lag.compareTo(limit) < 0)
                .withData("lagMillis", lag.toMillis()).withData("limitMillis", limit.toMillis()).build();
    }

    /** Not ready while a loop is behind: new requests would queue behind what holds it. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        EventLoopProbe probe;

        @Inject
        EventLoopConfig config;

        @Override
        public HealthCheckResponse call() {
            return check(probe, config.readyLag());
        }
    }

    /** Not live once a loop has been stuck for long. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        EventLoopProbe probe;

        @Inject
        EventLoopConfig config;

        @Override
        public HealthCheckResponse call() {
            return check(probe, config.liveLag());
        }
    }
}
