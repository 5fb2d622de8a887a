package dev.supportgraph.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhooks ({@code supportgraph.webhooks.*}, env {@code SUPPORTGRAPH_WEBHOOKS_*}; docs/webhooks.md). */
@ConfigMapping(prefix = "supportgraph.webhooks")
public interface WebhookConfig {

    /** How often each replica fans new outbox events out and sends due deliveries (a quarkus-scheduler interval; off disables). */
    @WithDefault("1s")
    String every();

    /** Outbox events fanned out per transaction. */
    @WithDefault("500")
    int fanOutBatch();

    /** Deliveries one replica claims and sends at once. */
    @WithDefault("100")
    int deliveryBatch();

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
