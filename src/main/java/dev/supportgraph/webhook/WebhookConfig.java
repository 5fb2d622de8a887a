package dev.supportgraph.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhooks ({@code supportgraph.webhooks.*}, env {@code SUPPORTGRAPH_WEBHOOKS_*}; docs/webhooks.md). */
@ConfigMapping(prefix = "supportgraph.webhooks")
public interface WebhookConfig {

    /**
     * How often each replica fans new outbox events out and sends due deliveries (a quarkus-scheduler
     * interval; off disables, also the wake-up on new outbox events). Between ticks, each new outbox
     * event (the outbox NOTIFY) wakes the sender at once; the tick is for retries and lost notifications.
     */
    @WithDefault("1s")
    String every();

    /** Outbox events fanned out per transaction. */
    @WithDefault("500")
    int fanOutBatch();

    /**
     * Deliveries one replica holds claimed at a time (sending or waiting for a free send); claims
     * refill up to this as sends complete.
     */
    @WithDefault("2000")
    int deliveryBatch();

    /**
     * Room (rows below {@link #deliveryBatch()}) a replica waits for before it claims again while it
     * has deliveries in flight: fewer, larger claims, since a claim's cost follows the number of queues.
     */
    @WithDefault("100")
    int refillBatch();

    /**
     * Consecutive deliveries of one listener and resource claimed together: sent one after the other
     * (each after the previous one's 2xx), so a busy resource moves several events per claim.
     */
    @WithDefault("20")
    int perResourceBatch();

    /** Deliveries one replica has in flight (HTTP requests sent and not answered) at a time, all listeners together. */
    @WithDefault("256")
    int maxInFlight();

    /** Deliveries one replica has in flight to one listener at a time (its resources are sent concurrently up to this). */
    @WithDefault("16")
    int maxInFlightPerListener();

    /** HTTP connections one replica keeps per callback address and port; also its sends in flight there. */
    @WithDefault("64")
    int maxConnectionsPerHost();

    /**
     * Added to a claim's lease beyond the longest its sends can take (they start until one send
     * timeout after the claim, and each may take one): a row is claimed again only when its replica
     * has certainly given up on it.
     */
    @WithDefault("10S")
    Duration leaseMargin();

    /** TCP connect timeout of a delivery. */
    @WithDefault("5S")
    Duration connectTimeout();

    /** How long a delivery waits for the receiver's response. */
    @WithDefault("10S")
    Duration readTimeout();

    /** First retry delay; each further failure doubles it, up to {@link #maxBackoff()}, with jitter. */
    @WithDefault("1S")
    Duration initialBackoff();

    /** Longest retry delay. */
    @WithDefault("10M")
    Duration maxBackoff();

    /** A delivery still failing this long after it became pending is dead-lettered (replayable by an admin). */
    @WithDefault("24H")
    Duration deadLetterAfter();

    /**
     * Whether callback URLs may name loopback, link-local, private (site-local, unique-local) or
     * wildcard addresses: off in production, so a listener cannot make the service probe its own network.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Random bytes of a listener's signing secret. */
    @WithDefault("32")
    int secretBytes();

    /** Listeners one portal customer may register. */
    @WithDefault("20")
    int maxListenersPerCustomer();
}
