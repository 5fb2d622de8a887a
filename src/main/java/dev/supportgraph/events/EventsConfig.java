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

    /**
     * Subscribers per hand-over task to an event loop: a fan-out to many subscribers is handed over
     * in such batches as the dispatcher goes, so the event loops write the first events while it
     * is still taking the next ones.
     */
    @WithDefault("256")
    int handOverBatch();

    /** Rows read from the outbox per statement. */
    @WithDefault("500")
    int batchSize();

    /**
     * Replays ({@code after:}) of one caller that read the outbox at the same time; the caller's
     * further replays wait until one of them has caught up (turned live).
     */
    @WithDefault("4")
    int replaysPerCaller();

    /**
     * Threads that read the outbox for replays, page by page, off the dispatcher thread: live
     * delivery never waits for a replay's read.
     */
    @WithDefault("2")
    int replayThreads();

    /**
     * Replayed events this replica hands to subscribers per second, all replays together (0: no
     * bound). Live events are not counted: a replay's catch-up is paced so that it cannot take the
     * event loops from queries and live delivery (bench/run.sh PARTS=hostile measures the effect).
     */
    @WithDefault("2000")
    int replayEventsPerSecond();

    /** How long events stay replayable with {@code after:}; older rows are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the purge runs (a quarkus-scheduler interval, e.g. 1h). */
    @WithDefault("1h")
    String purgeEvery();

    /** GraphQL over WebSocket ({@code supportgraph.events.web-socket.*}, see GraphQLOverWebSocket). */
    WebSocket webSocket();

    interface WebSocket {

        /** How often every socket gets a keep-alive (graphql-transport-ws "ping", graphql-ws "ka"). */
        @WithDefault("10S")
        Duration keepAlive();

        /** A socket that has not sent connection_init this long after opening is closed (4408). */
        @WithDefault("10S")
        Duration connectionInitTimeout();

        /**
         * How often keep-alives, init timeouts and expired tokens are checked, for all sockets at
         * once: a socket whose token expires is closed (4403) at most this much later.
         */
        @WithDefault("1S")
        Duration sweepInterval();

        /**
         * Browsers cannot set headers on a WebSocket upgrade: the token may come in the
         * connection_init payload under this key instead, as {"Authorization": "Bearer <token>"}.
         */
        @WithDefault("Authorization")
        String initPayloadAuthorization();

        /** Operations one socket may run at once; one more is answered with TOO_MANY_OPERATIONS. */
        @WithDefault("100")
        int maxOperations();
    }
}
