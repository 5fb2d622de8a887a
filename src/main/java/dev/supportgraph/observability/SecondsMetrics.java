package dev.supportgraph.observability;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Function;

/**
 * The JDBC pool's wait and creation times and the process CPU time in seconds, the unit Prometheus
 * expects; MetricsFilter drops the millisecond and nanosecond originals.
 */
@ApplicationScoped
public class SecondsMetrics {

    private static final double NANOS_PER_SECOND = 1e9;

    void register(@Observes StartupEvent event, MeterRegistry registry, AgroalDataSource dataSource) {
        AgroalDataSourceMetrics pool = dataSource.getMetrics();
        poolTime(registry, pool, "agroal.blocking.time", "waiting to acquire a connection",
                AgroalDataSourceMetrics::blockingTimeAverage, AgroalDataSourceMetrics::blockingTimeMax,
                AgroalDataSourceMetrics::blockingTimeTotal);
        poolTime(registry, pool, "agroal.creation.time", "creating connections",
                AgroalDataSourceMetrics::creationTimeAverage, AgroalDataSourceMetrics::creationTimeMax,
                AgroalDataSourceMetrics::creationTimeTotal);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / NANOS_PER_SECOND)
                    .baseUnit("seconds").description("CPU time used by the JVM process").register(registry);
        }
    }

    private static void poolTime(MeterRegistry registry, AgroalDataSourceMetrics pool, String name, String what,
                                 Function<AgroalDataSourceMetrics, Duration> average,
                                 Function<AgroalDataSourceMetrics, Duration> max,
                                 Function<AgroalDataSourceMetrics, Duration> total) {
        Gauge.builder(name + ".average", pool, metrics -> seconds(average.apply(metrics))).baseUnit("seconds")
                .tag("datasource", "default").description("Average time spent " + what).register(registry);
        Gauge.builder(name + ".max", pool, metrics -> seconds(max.apply(metrics))).baseUnit("seconds")
                .tag("datasource", "default").description("Longest time spent " + what).register(registry);
        FunctionCounter.builder(name, pool, metrics -> seconds(total.apply(metrics))).baseUnit("seconds")
                .tag("datasource", "default").description("Total time spent " + what).register(registry);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / NANOS_PER_SECOND;
    }
}
