package dev.supportgraph.notification;

import dev.supportgraph.events.Backoff;
import dev.supportgraph.events.EventDispatcher;
import dev.supportgraph.events.WokenRounds;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Sends due e-mails over SMTP. A round claims a batch ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas take disjoint rows, and leased for {@code lease} so nobody else takes one while it is
 * being sent), sends each outside any transaction and records SENT, or schedules a retry with
 * backoff and jitter, or FAILED after {@code max-attempts}. A replica dying between the SMTP
 * acceptance and the SENT update makes the e-mail go out again after the lease (at least once).
 * Rounds run on this replica's own thread whenever the outbox NOTIFY reports new events (through
 * {@link EventDispatcher}) and on every {@code every} tick.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int ERROR_LENGTH = 500;

    private static final String CLAIM = """
            with due as (select id from email_notification where status = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at, id limit ?1 for update skip locked)
            update email_notification n set attempts = n.attempts + 1, next_attempt_at = now() + ?2 * interval '1 millisecond'
            from due where n.id = due.id
            returning n.id, n.recipient, n.subject, n.body, n.attempts""";

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    EmailFanOut fanOut;

    @Inject
    NotificationConfig config;

    @Inject
    EventDispatcher dispatcher;

    /** This replica's rounds (see {@link WokenRounds}). */
    private final WokenRounds rounds = new WokenRounds("E-mail", "supportgraph-email", this::rounds);

    void start(@Observes StartupEvent event) {
        if (!"off".equals(config.every())) {
            dispatcher.onNewEvents(this::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        rounds.shutdown();
    }

    @Scheduled(identity = "email-notifications", every = "${supportgraph.notifications.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wake();
    }

    void wake() {
        rounds.wake();
    }

    private void rounds() {
        fanOut.run();
        while (sendDue() == config.sendBatch()) {
            // a full batch: more may be due right now
        }
    }

    /** One round: claims up to a batch of due e-mails and sends them; returns how many were attempted. */
    public int sendDue() {
        List<Object[]> claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(CLAIM, Object[].class)
                .setParameter(1, config.sendBatch()).setParameter(2, config.lease().toMillis()).getResultList());
        for (Object[] mail : claimed) {
            long id = ((Number) mail[0]).longValue();
            int attempts = ((Number) mail[4]).intValue();
            try {
                mailer.send(Mail.withText((String) mail[1], (String) mail[2], (String) mail[3]));
                record("update email_notification set status = 'SENT', sent_at = now() where id = ?1", id);
            } catch (RuntimeException e) {
                String error = String.valueOf(e.getCause() == null ? e : e.getCause());
                error = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
                if (attempts >= config.maxAttempts()) {
                    LOG.warnf("E-mail %d to %s failed after %d attempts: %s", id, mail[1], attempts, error);
                    record("update email_notification set status = 'FAILED', last_error = ?2, failed_at = now() where id = ?1", id, error);
                } else {
                    long delay = Backoff.millis(config.initialBackoff(), config.maxBackoff(), attempts);
                    record("update email_notification set last_error = ?2, next_attempt_at = now() + ?3 * interval '1 millisecond' where id = ?1",
                            id, error, delay);
                }
            }
        }
        return claimed.size();
    }

    /** Runs one outcome update in a transaction of its own, {@code params} bound as ?1, ?2, ... */
    private void record(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var update = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                update.setParameter(i + 1, params[i]);
            }
            update.executeUpdate();
        });
    }
}
