package dev.supportgraph.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * E-mail notifications ({@code supportgraph.notifications.*}, env {@code SUPPORTGRAPH_NOTIFICATIONS_*};
 * docs/notifications.md). The SMTP server is quarkus-mailer's ({@code QUARKUS_MAILER_HOST}, ...).
 */
@ConfigMapping(prefix = "supportgraph.notifications")
public interface NotificationConfig {

    /** How often each replica turns new events into e-mails and sends due ones (a quarkus-scheduler interval; off disables). */
    @WithDefault("5s")
    String every();

    /** Outbox events turned into e-mails per transaction. */
    @WithDefault("500")
    int fanOutBatch();

    /** E-mails one replica claims and sends per round. */
    @WithDefault("50")
    int sendBatch();

    /** How long a claimed e-mail is reserved for its sender: longer than one SMTP send may take. */
    @WithDefault("2M")
    Duration lease();

    /** First retry delay after an SMTP failure; doubled per further failure up to {@link #maxBackoff()}, with jitter. */
    @WithDefault("30S")
    Duration initialBackoff();

    /** Longest retry delay. */
    @WithDefault("30M")
    Duration maxBackoff();

    /** Attempts after which an e-mail is FAILED (left for an operator). */
    @WithDefault("10")
    int maxAttempts();
}
