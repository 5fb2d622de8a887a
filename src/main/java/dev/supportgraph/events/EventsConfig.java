package dev.supportgraph.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox fan-out and the subscriptions ({@code supportgraph.events.*}, env {@code SUPPORTGRAPH_EVENTS_*}). */
@ConfigMapping(prefix = "supportgraph.events")
public interface EventsConfig {

    /** The LISTEN/NOTIFY channel shared by all replicas. */
    @WithDefault("supportgraph_events")
    String channel();

    /** application_name of the listening connection (shows in pg_stat_activity). */
    @WithDefault("supportgraph-events-listener")
    String applicationName();

    /**
     * Events buffered per subscriber while its socket cannot take more; a live subscriber that
     * overflows it is closed with SUBSCRIBER_TOO_SLOW instead of growing memory.
     */
    @WithDefault("256")
    int bufferSize();

    /** Safety net: the outbox is read this often even without notifications. */
    @WithDefault("5S")
    Duration pollInterval();

    /** How often buffered events are retried on sockets that were not writable. */
    @WithDefault("PT0.1S")
    Duration flushInterval();

    /**
     * Rendered events kept for sharing: subscribers with the same selection and read scope get
     * an event rendered once (one entry per event, selection and scope; older ones are rendered
     * again if asked for).
     */
    @WithDefault("1000")
    int sharedRenderings();

    /** Rows read from the outbox per statement. */
    @WithDefault("500")
    int batchSize();

    /** How long events stay replayable with {@code after:}; older rows are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the purge runs (a quarkus-scheduler interval, e.g. 1h). */
    @WithDefault("1h")
    String purgeEvery();
}
