package dev.supportgraph.health;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness from the connection pools' queues: DOWN while more callers than
 * {@code supportgraph.pools.ready-max-waiting} wait for a JDBC connection (Agroal's awaiting count)
 * or for a reactive one (the SQL client pool's queue, {@code sql_pool_queue_size}). Read from the
 * pools' own counters, so the check answers at once even when no connection is left for it.
 */
@Readiness
@ApplicationScoped
public class PoolHealth implements HealthCheck {

    /** The reactive pool's waiting queue as Quarkus' Vert.x metrics name it. */
    static final String REACTIVE_QUEUE = "sql.pool.queue.size";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    PoolConfig config;

    @Override
    public HealthCheckResponse call() {
        long jdbcWaiting = dataSource.getMetrics().awaitingCount();
        long reactiveWaiting = Math.round(registry.find(REACTIVE_QUEUE).gauges().stream().mapToDouble(Gauge::value).sum());
        boolean up = jdbcWaiting <= config.readyMaxWaiting() && reactiveWaiting <= config.readyMaxWaiting();
        return HealthCheckResponse.named("Connection pools").status(up)
                .withData("jdbcWaiting", jdbcWaiting).withData("reactiveWaiting", reactiveWaiting)
                .withData("maxWaiting", config.readyMaxWaiting()).build();
    }
}
