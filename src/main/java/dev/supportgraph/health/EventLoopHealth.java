package dev.supportgraph.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Readiness and liveness from the event loops' lag ({@link EventLoopProbe}), each with its own limit. */
public abstract class EventLoopHealth implements HealthCheck {

    @Inject
    EventLoopProbe probe;

    @Inject
    EventLoopConfig config;

    abstract Duration limit();

    @Override
    public HealthCheckResponse call() {
        Duration lag = probe.worstLag();
        return HealthCheckResponse.named("Vert.x event loops").status(lag.compareTo(limit()) < 0)
                .withData("lagMillis", lag.toMillis()).withData("limitMillis", limit().toMillis()).build();
    }

    /** Not ready while a loop is behind: new requests would queue behind what holds it. */
    @Readiness
    @ApplicationScoped
    public static class Ready extends EventLoopHealth {
        @Override
        Duration limit() {
            return config.readyLag();
        }
    }

    /** Not live once a loop has been stuck for long: a restart is the way out. */
    @Liveness
    @ApplicationScoped
    public static class Live extends EventLoopHealth {
        @Override
        Duration limit() {
            return config.liveLag();
        }
    }
}
