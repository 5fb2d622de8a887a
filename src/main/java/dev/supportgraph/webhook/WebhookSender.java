package dev.supportgraph.webhook;

import dev.supportgraph.events.Backoff;
import dev.supportgraph.events.EventDispatcher;
import dev.supportgraph.events.WokenRounds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends due deliveries, at least once and in order per listener and resource. A round claims, in
 * one statement (see CLAIM), the head of each listener's and resource's PENDING queue together with
 * up to {@code per-resource-batch} deliveries behind it, for many resources at once; the rows are
 * locked with {@code FOR UPDATE SKIP LOCKED} (two replicas take disjoint queues) and leased with a
 * token for longer than the round can take. The sends run outside any transaction on Vert.x's
 * non-blocking client: one queue's run one after the other (the next after the previous 2xx; a
 * failure ends the run and releases the rest), different queues concurrently, at most
 * {@code max-in-flight-per-listener} per listener. The round's outcomes are one update, fenced by
 * the token: DELIVERED on 2xx, else retried with exponential backoff and jitter, or DEAD once it has
 * been pending longer than the dead-letter age. A replica that dies mid-send leaves the lease to
 * expire and the delivery is sent again (hence the event id header).
 * <p>
 * Each replica runs rounds on its own thread whenever the outbox NOTIFY reports new events (through
 * {@link EventDispatcher}) and on every {@code every} tick, until a round finds nothing due.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int ERROR_LENGTH = 500;

    /**
     * Claims due runs in one statement, at a cost that follows the number of queues, not the backlog.
     * {@code queue} lists the (listener, resource) pairs with PENDING deliveries by skipping through
     * the order index (one descent per pair); {@code candidate} reads, of each pair of an ACTIVE
     * listener, its first ?1 PENDING deliveries in id order and keeps the due prefix (a row in backoff
     * or leased stops its queue), at most ?2 rows in all, oldest first. Those rows are locked with SKIP
     * LOCKED; of what was locked, only each queue's unbroken prefix from its head is kept (a concurrent
     * claim may hold part of a queue), leased until ?3 ms from now under token ?4.
     */
    private static final String CLAIM = """
            with recursive queue as (
                (select listener_id, resource_key from webhook_delivery where status = 'PENDING' order by listener_id, resource_key limit 1)
                union all
                select n.listener_id, n.resource_key from queue q, lateral (
                    select listener_id, resource_key from webhook_delivery
                    where status = 'PENDING' and (listener_id, resource_key) > (q.listener_id, q.resource_key)
                    order by listener_id, resource_key limit 1) n),
            candidate as (
                select r.id, r.position from queue q join webhook_listener l on l.id = q.listener_id and l.state = 'ACTIVE',
                lateral (select h.id, row_number() over w as position, count(*) filter (where h.next_attempt_at > now()) over w as waiting
                         from (select d.id, d.next_attempt_at from webhook_delivery d
                               where d.status = 'PENDING' and d.listener_id = q.listener_id and d.resource_key = q.resource_key
                               order by d.id limit ?) h
                         window w as (order by h.id)) r
                where r.waiting = 0
                order by r.id limit ?),
            locked as (
                select d.id, d.listener_id, d.resource_key, c.position from webhook_delivery d join candidate c on c.id = d.id
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                for update of d skip locked),
            run as (
                select id from (select id, position, row_number() over (partition by listener_id, resource_key order by position) as n
                                from locked) r
                where n = position)
            update webhook_delivery d set next_attempt_at = now() + ? * interval '1 millisecond', attempts = d.attempts + 1, lease_id = ?
            from run, webhook_listener l where d.id = run.id and l.id = d.listener_id
            returning d.id, d.listener_id, d.resource_key, d.body, l.callback_url, l.secret, d.event_created_at, d.attempts,
                      now() - d.pending_since >= ? * interval '1 millisecond'""";

    /**
     * A round's outcomes, one row per delivery: DELIVERED (a 2xx), DEAD, PENDING again after its
     * delay, or RELEASED (not sent: behind a failure in its run, or past the round's deadline; its
     * claim is undone). A failure's error is kept (also after a later success, for the operator).
     * Only rows still PENDING under this round's lease token are touched: an outcome that comes after
     * its lease expired and another claim took the row changes nothing.
     */
    private static final String RECORD = """
            update webhook_delivery d set status = case when o.status = 'RELEASED' then 'PENDING' else o.status end,
                   attempts = case when o.status = 'RELEASED' then d.attempts - 1 else d.attempts end,
                   last_status = case when o.status = 'RELEASED' then d.last_status else o.http_status end,
                   last_error = coalesce(o.error, d.last_error),
                   delivered_at = case when o.status = 'DELIVERED' then now() end,
                   next_attempt_at = case when o.status = 'PENDING' then now() + o.delay * interval '1 millisecond'
                                          when o.status = 'RELEASED' then now() else d.next_attempt_at end,
                   lease_id = null
            from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as bigint[]))
                 as o (id, status, http_status, error, delay)
            where d.id = o.id and d.lease_id = ? and d.status = 'PENDING'""";

    private record Claimed(long id, long listenerId, String resourceKey, String body, String url, String secret,
                           OffsetDateTime eventCreatedAt, int attempts, boolean lastChance) {
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
    EventDispatcher dispatcher;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    /** This replica's rounds (see {@link WokenRounds}). */
    private final WokenRounds rounds = new WokenRounds("Webhook", "supportgraph-webhooks", this::rounds);
    private HttpClient client;
    private Counter delivered;
    private Counter failed;
    private Counter dead;
    private Counter fenced;
    private Timer latency;

    void start(@Observes StartupEvent event) {
        // Vert.x's client: non-blocking, pooled keep-alive connections, no redirects followed.
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerHost()));
        delivered = Counter.builder("supportgraph.webhooks.delivered").description("Webhook deliveries answered with 2xx").register(registry);
        failed = Counter.builder("supportgraph.webhooks.failed").description("Webhook delivery attempts that failed (non-2xx, timeout, refused)")
                .register(registry);
        dead = Counter.builder("supportgraph.webhooks.dead_lettered").description("Webhook deliveries given up after the dead-letter age")
                .register(registry);
        fenced = Counter.builder("supportgraph.webhooks.lease_lost")
                .description("Webhook outcomes not recorded because their lease had expired and the delivery was claimed again")
                .register(registry);
        latency = Timer.builder("supportgraph.webhooks.delivery.latency")
                .description("From the event's outbox commit to the receiver's 2xx, retries included").register(registry);
        if (!"off".equals(config.every())) {
            dispatcher.onNewEvents(this::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        rounds.shutdown();
    }

    @Scheduled(identity = "webhooks", every = "${supportgraph.webhooks.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wake();
    }

    void wake() {
        rounds.wake();
    }

    private void rounds() {
        do {
            fanOut.run();
        } while (sendDue() > 0);
    }

    /** One round: claims due runs, sends them, records the outcomes; returns how many deliveries were claimed. */
    public int sendDue() {
        UUID lease = UUID.randomUUID();
        List<Claimed> claimed = claim(lease);
        if (claimed.isEmpty()) {
            return 0;
        }
        // Each listener's runs (a queue's claimed rows in id order), sent by at most max-in-flight-per-listener workers.
        Map<Long, Map<String, List<Claimed>>> runs = new LinkedHashMap<>();
        claimed.stream().sorted(Comparator.comparingLong(Claimed::id)).forEach(c -> runs.computeIfAbsent(c.listenerId(), l -> new LinkedHashMap<>())
                .computeIfAbsent(c.resourceKey(), r -> new ArrayList<>()).add(c));
        // No send starts later than one send timeout after the claim, so the round ends within the lease.
        long deadline = System.nanoTime() + sendTimeout().toNanos();
        Outcomes outcomes = new Outcomes();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (Map<String, List<Claimed>> listenerRuns : runs.values()) {
            Queue<List<Claimed>> queue = new ConcurrentLinkedQueue<>(listenerRuns.values());
            for (int i = 0; i < Math.min(config.maxInFlightPerListener(), listenerRuns.size()); i++) {
                workers.add(work(queue, deadline, outcomes));
            }
        }
        // Recorded here, on the calling worker thread (the sends complete on an event loop, which must
        // not run JDBC), in one statement for the round.
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        record(lease, outcomes);
        return claimed.size();
    }

    /** Sends runs taken from {@code queue} one after the other until it is empty. */
    private CompletableFuture<Void> work(Queue<List<Claimed>> queue, long deadline, Outcomes outcomes) {
        List<Claimed> run = queue.poll();
        if (run == null) {
            return CompletableFuture.completedFuture(null);
        }
        return send(run, 0, deadline, outcomes).thenCompose(v -> work(queue, deadline, outcomes));
    }

    /** Sends {@code run} from position {@code i} on, each after the previous one's 2xx; a failure or the deadline releases the rest. */
    private CompletableFuture<Void> send(List<Claimed> run, int i, long deadline, Outcomes outcomes) {
        if (i == run.size()) {
            return CompletableFuture.completedFuture(null);
        }
        if (System.nanoTime() > deadline) {
            run.subList(i, run.size()).forEach(outcomes::release);
            return CompletableFuture.completedFuture(null);
        }
        Claimed c = run.get(i);
        return send(c).thenCompose(outcome -> {
            outcome(c, outcome, outcomes);
            if (!outcome.delivered()) {
                run.subList(i + 1, run.size()).forEach(outcomes::release);
                return CompletableFuture.completedFuture(null);
            }
            return send(run, i + 1, deadline, outcomes);
        });
    }

    /** The longest one send may take (Vert.x's own timeouts come first; this bounds a receiver that trickles). */
    private Duration sendTimeout() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    private List<Claimed> claim(UUID lease) {
        // Sends start until one send timeout after the claim and each takes at most one more: the lease
        // outlasts the round by the margin, so no other replica takes a row while it is in flight.
        long leaseMillis = sendTimeout().multipliedBy(2).plus(config.leaseMargin()).toMillis();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setInt(1, config.perResourceBatch());
            s.setInt(2, config.deliveryBatch());
            s.setLong(3, leaseMillis);
            s.setObject(4, lease);
            s.setLong(5, config.deadLetterAfter().toMillis());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getBoolean(9)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim webhook deliveries", e);
        }
    }

    private CompletableFuture<Outcome> send(Claimed c) {
        // The connect timeout also bounds the wait for a pooled connection: a request that never got one is never sent.
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(c.url())
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(Signature.HEADER, Signature.header(c.secret(), Instant.now().getEpochSecond(), c.body()))
                .putHeader(Signature.EVENT_ID_HEADER, new JsonObject(c.body()).getString("eventId"));
        AtomicReference<HttpClientRequest> sending = new AtomicReference<>();
        return client.request(request).compose(r -> {
                    sending.set(r);
                    return r.send(c.body());
                })
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture()
                .orTimeout(sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((status, e) -> {
                    // Given up (a receiver that trickles): the request is reset, not left to complete after its outcome is recorded.
                    if (e != null && sending.get() != null) {
                        sending.get().reset();
                    }
                })
                .thenApply(status -> new Outcome(status, status / 100 == 2 ? null : "HTTP " + status))
                .exceptionally(e -> new Outcome(null, String.valueOf(e.getCause() == null ? e : e.getCause())));
    }

    /** The round's outcomes as the columns of RECORD's rows; added to from the event loops. */
    private static final class Outcomes {
        final List<Long> ids = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<Integer> httpStatuses = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        synchronized void add(long id, String status, Integer httpStatus, String error, long delay) {
            ids.add(id);
            statuses.add(status);
            httpStatuses.add(httpStatus);
            errors.add(error);
            delays.add(delay);
        }

        void release(Claimed c) {
            add(c.id(), "RELEASED", null, null, 0);
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

    private void record(UUID lease, Outcomes o) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setArray(1, c.createArrayOf("bigint", o.ids.toArray()));
            s.setArray(2, c.createArrayOf("text", o.statuses.toArray()));
            s.setArray(3, c.createArrayOf("integer", o.httpStatuses.toArray()));
            s.setArray(4, c.createArrayOf("text", o.errors.toArray()));
            s.setArray(5, c.createArrayOf("bigint", o.delays.toArray()));
            s.setObject(6, lease);
            int recorded = s.executeUpdate();
            if (recorded < o.ids.size()) {
                fenced.increment(o.ids.size() - recorded);
                LOG.warnf("%d webhook outcomes came after their lease expired; the deliveries were claimed again", o.ids.size() - recorded);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record webhook deliveries", e);
        }
    }
}
