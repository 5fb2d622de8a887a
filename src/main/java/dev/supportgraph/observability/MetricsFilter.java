package dev.supportgraph.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps /q/metrics clean for {@code promtool check metrics} (docs/operations.md, "Metrics"): a HELP
 * for the meters libraries register without a description; gauges renamed where their names end
 * in {@code _count}, which Prometheus reserves for histograms and summaries; the pool's timings in
 * seconds instead of milliseconds and the process CPU time in seconds instead of nanoseconds (both
 * replaced by {@link SecondsMetrics}); the reactive SQL client exported once, as its pool
 * ({@code sql_pool_*}), not a second time as client meters (tagged {@code clientType="sql"}, named
 * {@code postgresql_*} or, without a metrics name, {@code m__*}, with camelCase labels); no long task timers, which this registry writes as a
 * summary whose samples ({@code _active_count}, {@code _duration_sum}) no parser assigns to it
 * (the same connections are counted by {@code http_server_active_connections}); label names in
 * snake_case whatever library registered the meter.
 */
@Singleton
public class MetricsFilter implements MeterFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("mp_graphql", "GraphQL operations and fields run by the GraphQL engine, by name and type"),
            Map.entry("mp_graphql_subscription", "Subscriptions open on the GraphQL engine, by field"),
            Map.entry("http.server.active.requests", "HTTP requests being processed"),
            Map.entry("netty.allocator.memory.used", "Memory used by a Netty buffer allocator"),
            Map.entry("netty.allocator.memory.pinned", "Memory pinned by the buffers of a Netty allocator"),
            Map.entry("netty.allocator.pooled.arenas", "Arenas of a Netty pooled allocator"),
            Map.entry("netty.allocator.pooled.cache.size", "Cache size of a Netty pooled allocator"),
            Map.entry("netty.allocator.pooled.chunk.size", "Chunk size of a Netty pooled allocator"),
            Map.entry("netty.allocator.pooled.threadlocal.caches", "Thread-local caches of a Netty pooled allocator"),
            Map.entry("netty.eventexecutor.tasks.pending", "Tasks waiting in a Netty event loop"),
            Map.entry("netty.eventexecutor.workers", "Event loops of a Netty event loop group"));

    private static final Map<String, String> GAUGE_NAMES = Map.of(
            "agroal.active.count", "agroal.active.connections",
            "agroal.available.count", "agroal.available.connections",
            "agroal.max.used.count", "agroal.max.used.connections",
            "agroal.awaiting.count", "agroal.awaiting.threads",
            "system.cpu.count", "system.cpu.cores");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean replaced = id.getName().equals("process.cpu.time")
                || id.getName().startsWith("agroal.") && "milliseconds".equals(id.getBaseUnit());
        boolean unparsable = id.getType() == Meter.Type.LONG_TASK_TIMER;
        // Micrometer maps before it accepts, so the tag may already be snake_case here.
        boolean sqlClientCopy = "sql".equals(id.getTag("client_type")) || "sql".equals(id.getTag("clientType"));
        return replaced || unparsable || sqlClientCopy ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = GAUGE_NAMES.getOrDefault(id.getName(), id.getName());
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? DESCRIPTIONS.get(name) : id.getDescription();
        List<Tag> tags = id.getTags();
        boolean camelCase = tags.stream().anyMatch(tag -> !tag.getKey().equals(snakeCase(tag.getKey())));
        if (name.equals(id.getName()) && !camelCase && (description == null || description.equals(id.getDescription()))) {
            return id;
        }
        return new Meter.Id(name, camelCase ? Tags.of(tags.stream().map(tag -> Tag.of(snakeCase(tag.getKey()), tag.getValue())).toList())
                : Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    /** Prometheus' label style: libraries (the Vert.x mail client's meters) tag in camelCase, e.g. {@code clientType}. */
    static String snakeCase(String key) {
        return CAMEL_HUMP.matcher(key).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
}
