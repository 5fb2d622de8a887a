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
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends due deliveries, at least once and in order per listener and resource, as a continuous
 * pipeline per replica. A claim takes, in one statement (see CLAIM), the head of each listener's
 * and resource's PENDING queue together with up to {@code per-resource-batch} deliveries behind it,
 * for many resources at once; the rows are locked with {@code FOR UPDATE SKIP LOCKED} (two replicas
 * take disjoint queues) and leased with a token for longer than their sends can take. The sends run
 * outside any transaction on Vert.x's non-blocking client: one queue's run one after the other (the
 * next after the previous 2xx; a failure ends the run and releases the rest), different queues
 * concurrently, at most {@code max-in-flight} per replica and {@code max-in-flight-per-listener}
 * per listener. There is no round: whenever a run completes, the pipeline records the outcomes that
 * came in since its last statement (one update, fenced by each row's token: DELIVERED on 2xx, else
 * retried with exponential backoff and jitter, or DEAD past the dead-letter age) and claims again
 * for the room that freed, up to {@code delivery-batch} rows held per replica. A queue's rows stay
 * leased until their outcome is recorded, so no claim takes the rows behind them before. A replica
 * that dies mid-send leaves the lease to expire and the delivery is sent again (hence the event id header).
 * <p>
 * Each replica runs the pipeline on its own thread whenever the outbox NOTIFY reports new events
 * (through {@link EventDispatcher}) and on every {@code every} tick, until nothing is due or in
 * flight; while it runs, those wake-ups make it fan out and claim at once.
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
     * Outcomes that came in since the pipeline's last statement, one row per delivery: DELIVERED (a
     * 2xx), DEAD, PENDING again after its delay, or RELEASED (not sent: behind a failure in its run,
     * past its claim's deadline, or the replica stopping; its claim is undone). A failure's error is
     * kept (also after a later success, for the operator). Only rows still PENDING under the lease
     * token they were claimed with are touched: an outcome that comes after its lease expired and
     * another claim took the row changes nothing.
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
            from unnest(cast(? as bigint[]), cast(? as uuid[]), cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as bigint[]))
                 as o (id, lease, status, http_status, error, delay)
            where d.id = o.id and d.lease_id = o.lease and d.status = 'PENDING'""";

    private record Claimed(long id, UUID lease, long listenerId, String resourceKey, String body, String url, String secret,
                           OffsetDateTime eventCreatedAt, int attempts, boolean lastChance) {
    }

    /** A send's outcome: the HTTP status (null when none came back) and the error text of a failure. */
    private record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * Where a run's requests go: the callback host resolved at claim time (pooled connections are
     * per address, so a host that moves gets new ones), or why it may not be connected to.
     */
    private record Target(SocketAddress server, String refused) {
    }

    /** One queue's claimed rows in id order, sent one after the other; no send starts after {@code deadline} (nanoTime). */
    private record Run(List<Claimed> rows, Target target, long deadline) {
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

    /** This replica's pipeline runs (see {@link WokenRounds}). */
    private final WokenRounds rounds = new WokenRounds("Webhook", "supportgraph-webhooks", this::sendDue);
    /** Pipelines running now (one per replica in production; tests run several as "replicas"): a wake-up nudges them. */
    private final Set<Pipeline> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private HttpClient client;
    private Counter delivered;
    private Counter failed;
    private Counter dead;
    private Counter fenced;
    private Timer latency;
    private Timer claims;

    void start(@Observes StartupEvent event) {
        // Vert.x's client: non-blocking, pooled keep-alive connections per address, no redirects followed.
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true).setMaxPoolSize(config.maxConnectionsPerHost()));
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
        claims = Timer.builder("supportgraph.webhooks.claim").description("Claim statements of the webhook sender (their cost follows the number of queues with pending deliveries)")
                .register(registry);
        if (!"off".equals(config.every())) {
            dispatcher.onNewEvents(this::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        running.forEach(Pipeline::nudge);
        rounds.shutdown();
    }

    @Scheduled(identity = "webhooks", every = "${supportgraph.webhooks.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wake();
    }

    /** New events or a tick: a running pipeline fans out and claims at once; otherwise one starts. */
    void wake() {
        running.forEach(Pipeline::nudge);
        rounds.wake();
    }

    /**
     * Runs a pipeline on the calling thread until nothing is due or in flight: fans out, claims,
     * sends, records, and claims again as sends complete. Returns how many deliveries it claimed.
     */
    public int sendDue() {
        Pipeline pipeline = new Pipeline();
        running.add(pipeline);
        try {
            return pipeline.run();
        } finally {
            running.remove(pipeline);
        }
    }

    /** The longest one send may take (Vert.x's own timeouts come first; this bounds a receiver that trickles). */
    private Duration sendTimeout() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    /**
     * One replica's pipeline. Its thread does the database work (fan-out, recording, claims) and
     * starts runs; a run's sends complete on the event loops, which only add outcomes, start waiting
     * runs into the room they free and signal the thread (event loops must not run JDBC).
     */
    private final class Pipeline {

        /** Released per completed run and per nudge; the pipeline's thread waits on it. */
        private final Semaphore signal = new Semaphore(0);
        /** Claimed runs not started yet, per listener (claim order), and the runs in flight per listener; guarded by this. */
        private final Map<Long, Deque<Run>> waiting = new LinkedHashMap<>();
        private final Map<Long, Integer> sendingTo = new HashMap<>();
        /** Runs in flight per callback address: never more than its connection pool, so no request waits there on its timeout. */
        private final Map<SocketAddress, Integer> sendingToAddress = new HashMap<>();
        private int sending;
        /** Outcomes not recorded yet; guarded by this. */
        private Outcomes outcomes = new Outcomes();
        /** Claimed rows whose outcome is not recorded yet (the pipeline's thread only). */
        private int held;

        void nudge() {
            signal.release();
        }

        int run() {
            int claimedInAll = 0;
            while (true) {
                Outcomes done = takeOutcomes();
                if (done.size() > 0) {
                    record(done);
                    held -= done.size();
                }
                List<Claimed> claimed = List.of();
                // One fan-out batch per turn, not all that is new: outcomes waiting to be recorded hold their leases.
                boolean moreToFanOut = false;
                if (stopping) {
                    releaseWaiting();
                } else {
                    moreToFanOut = fanOut.pass();
                    // With sends in flight, a claim waits for refill-batch rows of room: its cost follows the number of queues.
                    int room = config.deliveryBatch() - held;
                    claimed = room >= config.refillBatch() || held == 0 && room > 0 ? claim(room) : List.of();
                }
                if (held == 0 && claimed.isEmpty() && !moreToFanOut) {
                    return claimedInAll;
                }
                claimedInAll += claimed.size();
                held += claimed.size();
                enqueue(claimed);
                if (!moreToFanOut) {
                    signal.acquireUninterruptibly();
                }
                signal.drainPermits();
            }
        }

        private synchronized Outcomes takeOutcomes() {
            Outcomes done = outcomes;
            outcomes = new Outcomes();
            return done;
        }

        /** Groups the claimed rows into runs (each listener's queues in claim order) and starts what fits. */
        private void enqueue(List<Claimed> claimed) {
            if (claimed.isEmpty()) {
                return;
            }
            // Sends start until one send timeout after the claim, so every run ends within its lease (see claim).
            long deadline = System.nanoTime() + sendTimeout().toNanos();
            Map<String, Target> targets = new HashMap<>();
            Map<Long, Map<String, List<Claimed>>> runs = new LinkedHashMap<>();
            claimed.stream().sorted(Comparator.comparingLong(Claimed::id)).forEach(c -> runs.computeIfAbsent(c.listenerId(), l -> new LinkedHashMap<>())
                    .computeIfAbsent(c.resourceKey(), r -> new ArrayList<>()).add(c));
            // Resolved here, once per host and claim, not under the lock the event loops take.
            claimed.forEach(c -> targets.computeIfAbsent(c.url(), WebhookSender.this::target));
            synchronized (this) {
                runs.forEach((listener, queues) -> queues.values().forEach(rows -> waiting.computeIfAbsent(listener, l -> new ArrayDeque<>())
                        .add(new Run(rows, targets.get(rows.getFirst().url()), deadline))));
            }
            startRuns();
        }

        /** Starts waiting runs while the replica and their listener have room. */
        private void startRuns() {
            List<Run> starting = new ArrayList<>();
            synchronized (this) {
                for (Map.Entry<Long, Deque<Run>> listener : waiting.entrySet()) {
                    Deque<Run> runs = listener.getValue();
                    while (sending < config.maxInFlight() && !runs.isEmpty()
                            && sendingTo.getOrDefault(listener.getKey(), 0) < config.maxInFlightPerListener()
                            && sendingToAddress.getOrDefault(runs.peek().target().server(), 0) < config.maxConnectionsPerHost()) {
                        Run run = runs.poll();
                        starting.add(run);
                        sendingTo.merge(listener.getKey(), 1, Integer::sum);
                        sendingToAddress.merge(run.target().server(), 1, Integer::sum);
                        sending++;
                    }
                }
            }
            starting.forEach(run -> send(run, 0).whenComplete((v, e) -> finished(run)));
        }

        private void finished(Run run) {
            synchronized (this) {
                sendingTo.merge(run.rows().getFirst().listenerId(), -1, Integer::sum);
                sendingToAddress.merge(run.target().server(), -1, Integer::sum);
                sending--;
            }
            signal.release();
            startRuns();
        }

        /** Stopping: runs not started are released, so another replica can take them at once. */
        private void releaseWaiting() {
            synchronized (this) {
                waiting.values().forEach(runs -> runs.forEach(run -> run.rows().forEach(outcomes::release)));
                waiting.clear();
            }
        }

        /** Sends {@code run} from position {@code i} on, each after the previous one's 2xx; a failure or the deadline releases the rest. */
        private CompletableFuture<Void> send(Run run, int i) {
            List<Claimed> rows = run.rows();
            if (i == rows.size()) {
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() > run.deadline() || stopping) {
                rows.subList(i, rows.size()).forEach(this::release);
                return CompletableFuture.completedFuture(null);
            }
            Claimed c = rows.get(i);
            return WebhookSender.this.send(c, run.target()).thenCompose(outcome -> {
                outcome(c, outcome);
                if (!outcome.delivered()) {
                    rows.subList(i + 1, rows.size()).forEach(this::release);
                    return CompletableFuture.completedFuture(null);
                }
                return send(run, i + 1);
            });
        }

        private synchronized void release(Claimed c) {
            outcomes.release(c);
        }

        private void outcome(Claimed c, Outcome outcome) {
            if (outcome.delivered()) {
                add(c, "DELIVERED", outcome.status(), null, 0);
                delivered.increment();
                latency.record(Duration.between(c.eventCreatedAt().toInstant(), Instant.now()));
                return;
            }
            failed.increment();
            String error = outcome.error().length() > ERROR_LENGTH ? outcome.error().substring(0, ERROR_LENGTH) : outcome.error();
            if (c.lastChance()) {
                add(c, "DEAD", outcome.status(), error, 0);
                dead.increment();
                LOG.warnf("Webhook delivery %d to %s dead-lettered after %d attempts: %s", c.id(), c.url(), c.attempts(), error);
                return;
            }
            add(c, "PENDING", outcome.status(), error, Backoff.millis(config.initialBackoff(), config.maxBackoff(), c.attempts()));
        }

        private synchronized void add(Claimed c, String status, Integer httpStatus, String error, long delay) {
            outcomes.add(c, status, httpStatus, error, delay);
        }
    }

    /** Where {@code url}'s host is now (see {@link Target}), resolved and checked like a registration (CallbackUrls). */
    private Target target(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try {
            InetAddress address = CallbackUrls.resolve(uri.getHost(), config.allowPrivateTargets());
            return new Target(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)), null);
        } catch (CallbackUrls.Refused e) {
            return new Target(null, e.getMessage());
        }
    }

    private List<Claimed> claim(int limit) {
        // Sends start until one send timeout after the claim and each takes at most one more: the lease
        // outlasts them by the margin, so no other replica takes a row while it is in flight.
        long leaseMillis = sendTimeout().multipliedBy(2).plus(config.leaseMargin()).toMillis();
        UUID lease = UUID.randomUUID();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setInt(1, config.perResourceBatch());
            s.setInt(2, limit);
            s.setLong(3, leaseMillis);
            s.setObject(4, lease);
            s.setLong(5, config.deadLetterAfter().toMillis());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), lease, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getBoolean(9)));
                }
            }
            claims.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim webhook deliveries", e);
        }
    }

    private CompletableFuture<Outcome> send(Claimed c, Target target) {
        if (target.refused() != null) {
            return CompletableFuture.completedFuture(new Outcome(null, target.refused()));
        }
        // The connect timeout also bounds the wait for a pooled connection: a request that never got one is never sent.
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(c.url()).setServer(target.server())
                .setFollowRedirects(false).setConnectTimeout(config.connectTimeout().toMillis())
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

    /** Outcomes as the columns of RECORD's rows. */
    private static final class Outcomes {
        final List<Long> ids = new ArrayList<>();
        final List<UUID> leases = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<Integer> httpStatuses = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        void add(Claimed c, String status, Integer httpStatus, String error, long delay) {
            ids.add(c.id());
            leases.add(c.lease());
            statuses.add(status);
            httpStatuses.add(httpStatus);
            errors.add(error);
            delays.add(delay);
        }

        void release(Claimed c) {
            add(c, "RELEASED", null, null, 0);
        }

        int size() {
            return ids.size();
        }
    }

    private void record(Outcomes o) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setArray(1, c.createArrayOf("bigint", o.ids.toArray()));
            s.setArray(2, c.createArrayOf("uuid", o.leases.toArray()));
            s.setArray(3, c.createArrayOf("text", o.statuses.toArray()));
            s.setArray(4, c.createArrayOf("integer", o.httpStatuses.toArray()));
            s.setArray(5, c.createArrayOf("text", o.errors.toArray()));
            s.setArray(6, c.createArrayOf("bigint", o.delays.toArray()));
            int recorded = s.executeUpdate();
            if (recorded < o.size()) {
                fenced.increment(o.size() - recorded);
                LOG.warnf("%d webhook outcomes came after their lease expired; the deliveries were claimed again", o.size() - recorded);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record webhook deliveries", e);
        }
    }
}
