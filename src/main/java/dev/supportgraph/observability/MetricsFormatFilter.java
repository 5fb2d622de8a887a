package dev.supportgraph.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * /q/metrics answers callers that do not ask for OpenMetrics ({@code curl | promtool check metrics},
 * no or a wildcard Accept) with the Prometheus text format 0.0.4, which Quarkus would otherwise
 * send only for an explicit {@code text/plain} (OpenMetrics escapes quotes in HELP, which 0.0.4
 * parsers refuse).
 */
@ApplicationScoped
public class MetricsFormatFilter {

    private static final int PRIORITY = 100;

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path") String metricsPath) {
        filters.register(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (context.normalizedPath().equals(metricsPath)
                    && (accept == null || !accept.contains("application/openmetrics-text"))) {
                context.request().headers().set(HttpHeaders.ACCEPT, "text/plain");
            }
            context.next();
        }, PRIORITY);
    }
}
