package dev.supportgraph.webhook;

import dev.supportgraph.events.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries, at least once and in order per listener and resource. A pass claims a
 * batch in one statement (see CLAIM): a later delivery of a resource waits while an earlier one
 * is PENDING, rows are locked with {@code FOR UPDATE SKIP LOCKED} and leased past the send's
 * timeouts, so two replicas never send one delivery at the same time. The sends run outside any
 * transaction; each result is one autocommit update: DELIVERED on 2xx, else retried with
 * exponential backoff and jitter, or DEAD once it has been pending longer than the dead-letter age. A replica that dies
 * mid-send leaves the lease to expire and the delivery is sent again (hence the event id header).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int ERROR_LENGTH = 500;

    /**
     * Claims due deliveries in one statement: PENDING, due, of an ACTIVE listener and with no earlier
     * PENDING delivery of the same listener and resource; locked with SKIP LOCKED (concurrent
     * replicas take disjoint rows) and leased: their next attempt moves past the send's timeouts.
     */
    private static final String CLAIM = """
            with due as (
                select d.id from webhook_delivery d join webhook_listener l on l.id = d.listener_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and l.state = 'ACTIVE'
                  and not exists (select 1 from webhook_delivery e where e.listener_id = d.listener_id
                                  and e.resource_key = d.resource_key and e.status = 'PENDING' and e.id < d.id)
                order by d.next_attempt_at, d.id limit ?
                for update of d skip locked)
            update webhook_delivery d set next_attempt_at = now() + ? * interval '1 millisecond', attempts = d.attempts + 1
            from due, webhook_listener l where d.id = due.id and l.id = d.listener_id
            returning d.id, d.body, l.callback_url, l.secret, d.event_created_at, d.attempts,
                      now() - d.pending_since >= ? * interval '1 millisecond'""";

    /**
     * A round's outcomes, one row per delivery: DELIVERED (a 2xx), DEAD, or PENDING again after its
     * delay; a failure's error is kept (also after a later success, for the operator).
     */
    private static final String RECORD = """
            update webhook_delivery d set status = o.status, last_status = o.http_status,
                   last_error = coalesce(o.error, d.last_error),
                   delivered_at = case when o.status = 'DELIVERED' then now() end,
                   next_attempt_at = case when o.status = 'PENDING' then now() + o.delay * interval '1 millisecond' else d.next_attempt_at end
            from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as bigint[]))
                 as o (id, status, http_status, error, delay)
            where d.id = o.id""";

    private record Claimed(long id, String body, String url, String secret, OffsetDateTime eventCreatedAt, int attempts,
                           boolean lastChance) {
    }

    /** A send's outcome: the HTTP status (null when none came back) and the error text of a failure. */
    private record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private HttpClient client;
    private Counter delivered;
    private Counter failed;
    private Counter dead;
    private Timer latency;

    void start(@Observes StartupEvent event) {
        // Vert.x's client: non-blocking, pooled keep-alive connections, no redirects followed.
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.deliveryBatch()));
        delivered = Counter.builder("supportgraph.webhooks.delivered").description("Webhook deliveries answered with 2xx").register(registry);
        failed = Counter.builder("supportgraph.webhooks.failed").description("Webhook delivery attempts that failed (non-2xx, timeout, refused)")
                .register(registry);
        dead = Counter.builder("supportgraph.webhooks.dead_lettered").description("Webhook deliveries given up after the dead-letter age")
                .register(registry);
        latency = Timer.builder("supportgraph.webhooks.delivery.latency")
                .description("From the event's outbox commit to the receiver's 2xx, retries included").register(registry);
    }

    @Scheduled(identity = "webhooks", every = "${supportgraph.webhooks.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        fanOut.run();
        while (sendDue() == config.deliveryBatch()) {
            // a full batch: more may be due right now
        }
    }

    /** One round: claims up to a batch of due deliveries, sends them concurrently, records the outcomes; returns how many were attempted. */
    public int sendDue() {
        List<Claimed> claimed = claim();
        List<CompletableFuture<Outcome>> sends = claimed.stream().map(this::send).toList();
        // Recorded here, on the calling worker thread (the sends complete on an event loop, which must
        // not run JDBC), in one statement for the round.
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < claimed.size(); i++) {
            outcome(claimed.get(i), sends.get(i).join(), outcomes);
        }
        if (!claimed.isEmpty()) {
            record(outcomes);
        }
        return claimed.size();
    }

    private List<Claimed> claim() {
        // The lease outlasts the longest send, so no other replica takes the row while it is in flight.
        long lease = config.connectTimeout().plus(config.readTimeout()).multipliedBy(2).toMillis();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setInt(1, config.deliveryBatch());
            s.setLong(2, lease);
            s.setLong(3, config.deadLetterAfter().toMillis());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getBoolean(7)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim webhook deliveries", e);
        }
    }

    private CompletableFuture<Outcome> send(Claimed c) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(c.url())
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(Signature.HEADER, Signature.header(c.secret(), Instant.now().getEpochSecond(), c.body()))
                .putHeader(Signature.EVENT_ID_HEADER, new JsonObject(c.body()).getString("eventId"));
        return client.request(request).compose(r -> r.send(c.body()))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture()
                // A guard beyond Vert.x's own timeouts: a send never outlives its lease.
                .orTimeout(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(status -> new Outcome(status, status / 100 == 2 ? null : "HTTP " + status))
                .exceptionally(e -> new Outcome(null, String.valueOf(e.getCause() == null ? e : e.getCause())));
    }

    /** The round's outcomes as the columns of RECORD's rows. */
    private static final class Outcomes {
        final List<Long> ids = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<Integer> httpStatuses = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        void add(long id, String status, Integer httpStatus, String error, long delay) {
            ids.add(id);
            statuses.add(status);
            httpStatuses.add(httpStatus);
            errors.add(error);
            delays.add(delay);
        }
    }

    private void outcome(Claimed c, Outcome outcome, Outcomes outcomes) {
        if (outcome.delivered()) {
            outcomes.add(c.id(), "DELIVERED", outcome.status(), null, 0);
            delivered.increment();
            latency.record(Duration.between(c.eventCreatedAt().toInstant(), Instant.now()));
            return;
        }
        failed.increment();
        String error = outcome.error().length() > ERROR_LENGTH ? outcome.error().substring(0, ERROR_LENGTH) : outcome.error();
        if (c.lastChance()) {
            outcomes.add(c.id(), "DEAD", outcome.status(), error, 0);
            dead.increment();
            LOG.warnf("Webhook delivery %d to %s dead-lettered after %d attempts: %s", c.id(), c.url(), c.attempts(), error);
            return;
        }
        outcomes.add(c.id(), "PENDING", outcome.status(), error, Backoff.millis(config.initialBackoff(), config.maxBackoff(), c.attempts()));
    }

    private void record(Outcomes o) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setArray(1, c.createArrayOf("bigint", o.ids.toArray()));
            s.setArray(2, c.createArrayOf("text", o.statuses.toArray()));
            s.setArray(3, c.createArrayOf("integer", o.httpStatuses.toArray()));
            s.setArray(4, c.createArrayOf("text", o.errors.toArray()));
            s.setArray(5, c.createArrayOf("bigint", o.delays.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record webhook deliveries", e);
        }
    }
}
