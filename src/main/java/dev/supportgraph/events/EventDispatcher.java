package dev.supportgraph.events;

import dev.supportgraph.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.groups.MultiOnTerminate;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * This replica's end of the fan-out: LISTENs on the channel with the reactive client, reads the
 * new outbox rows by id on each notification (and on every (re)connect and periodically, in case
 * a notification was lost with a connection), and hands them to the local subscribers in id
 * order. All reads of new rows and hand-overs run on one thread, so each subscriber sees each event
 * once, in order, whether it came live or from a catch-up; the catch-ups' reads run on their own
 * threads ({@link ReplayReads}) and come back to this one.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private record Mapped(OutboxEvent event, Object value) {
    }

    @Inject
    Vertx vertx;

    @Inject
    OutboxReader reader;

    @Inject
    EventsConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Caller caller;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supportgraph-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** The number of registered subscribers, for the gauge. */
    private final AtomicInteger active = new AtomicInteger();
    /** Touched only on {@link #thread}. */
    private final List<EventSubscription<?>> subscriptions = new ArrayList<>();
    /**
     * The event each mapper mapped last, with its mapping: a fan-out hands one event to all its
     * subscribers in a row, so it maps it once, not once per subscriber (which also makes their
     * shared renderings' keys the same object). Touched only on {@link #thread}.
     */
    private final Map<Function<OutboxEvent, ?>, Mapped> lastMapped = new IdentityHashMap<>();
    /** Told (on {@link #thread}; they must not block) whenever new outbox events have been read. */
    private final List<Runnable> newEventListeners = new CopyOnWriteArrayList<>();
    /** The last event id read from the outbox; written only on {@link #thread}. */
    private volatile long head;
    private PgSubscriber listener;
    private ReplayReads replays;
    private Counter delivered;
    private Timer lag;

    void start(@Observes StartupEvent event) {
        Gauge.builder("supportgraph.subscriptions.active", active, AtomicInteger::get)
                .description("Subscriptions open on this replica").register(registry);
        delivered = Counter.builder("supportgraph.events.delivered").description("Events sent to subscribers").register(registry);
        lag = Timer.builder("supportgraph.events.delivery.lag").description("From the event's creation to its sending, once per event and fan-out")
                .register(registry);
        head = reader.lastId();
        replays = new ReplayReads(reader, config, registry, this::onThread, () -> head, s -> serve(List.of(s)));
        listener = PgSubscriber.subscriber(vertx, connectOptions())
                // Reconnect forever, backing off up to 5 s; the subscribe handler then catches up.
                .reconnectPolicy(retries -> Math.min(5000L, 100L << Math.min(retries, 6)));
        listener.channel(config.channel())
                .handler(id -> wake())
                .subscribeHandler(v -> {
                    LOG.debugf("Listening on %s", config.channel());
                    wake();
                });
        connect();
        thread.scheduleWithFixedDelay(this::wake, config.pollInterval().toMillis(), config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        long flush = config.flushInterval().toMillis();
        thread.scheduleWithFixedDelay(this::flushAll, flush, flush, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.close();
        }
        thread.execute(() -> subscriptions.forEach(EventSubscription::complete));
        thread.shutdown();
        if (replays != null) {
            replays.stop();
        }
    }

    /**
     * Runs {@code wake} whenever this replica reads new outbox events (on a NOTIFY, a reconnect or a
     * poll), so that other outbox readers (the webhook sender) need not poll; it must return at once.
     */
    public void onNewEvents(Runnable wake) {
        newEventListeners.add(wake);
    }

    /**
     * A stream of the events {@code accepts} lets through, mapped by {@code mapper}: first those
     * after {@code after} (null: none), then new ones, for the client subscribing in the current request.
     */
    public <T> Multi<T> subscribe(Predicate<OutboxEvent> accepts, OutboxReader.Scope replay, Function<OutboxEvent, T> mapper, Long after) {
        return subscribeChoosing(accepts, replay, event -> mapper, after);
    }

    /**
     * As {@link #subscribe}, with the mapper chosen per event and subscriber: {@code mappers} picks
     * one of a few shared mappers (whose results fan-outs share), e.g. "entered" or "left" a queue.
     */
    public <T> Multi<T> subscribeChoosing(Predicate<OutboxEvent> accepts, OutboxReader.Scope replay,
                                          Function<OutboxEvent, Function<OutboxEvent, T>> mappers, Long after) {
        // The caller's name and customer scope: replays are limited per caller.
        String replayer = caller.name() + "/" + caller.customerScope();
        return new EventStream<>(accepts, replay, mappers, after, replayer, client());
    }

    /**
     * The events of one subscriber as a Multi, made without Mutiny's factories and operators: with
     * context propagation each of them keeps a capture of the subscribing request's contexts (its
     * request scope, its GraphQL execution) for the subscription's whole life. SmallRye's invoker
     * adds an {@code onTermination().invoke(...)} to every Multi a resolver returns; here it is run
     * by the subscription when it ends, without a capture.
     */
    private final class EventStream<T> extends AbstractMulti<T> {

        private final Predicate<OutboxEvent> accepts;
        private final Function<OutboxEvent, Function<OutboxEvent, T>> mapper;
        private final Long after;
        private final OutboxReader.Scope replay;
        private final String caller;
        private final EventSubscription.Client client;
        private Runnable onTermination = () -> {
        };

        EventStream(Predicate<OutboxEvent> accepts, OutboxReader.Scope replay, Function<OutboxEvent, Function<OutboxEvent, T>> mapper, Long after,
                    String caller, EventSubscription.Client client) {
            this.caller = caller;
            this.accepts = accepts;
            this.replay = replay;
            this.mapper = mapper;
            this.after = after;
            this.client = client;
        }

        @Override
        public MultiOnTerminate<T> onTermination() {
            return new MultiOnTerminate<>(this) {
                @Override
                public Multi<T> invoke(Runnable action) {
                    Runnable before = onTermination;
                    onTermination = () -> {
                        before.run();
                        action.run();
                    };
                    return EventStream.this;
                }
            };
        }

        @Override
        public void subscribe(MultiSubscriber<? super T> subscriber) {
            // Cancelled when the client completes it or its socket closes.
            EventSubscription<T> subscription = new EventSubscription<>(accepts, mapper, subscriber, after, replay, caller, client,
                    config.bufferSize(), () -> onThread(EventDispatcher.this::flushAll), onTermination);
            subscriber.onSubscribe(subscription);
            thread.execute(() -> {
                subscription.start(head);
                subscriptions.add(subscription);
                active.set(subscriptions.size());
                serve(List.of(subscription));
            });
        }
    }

    /**
     * The subscribing client's socket (GraphQLOverWebSocket puts it on the operation's context) and
     * its event loop: not the operation's own Vert.x context, whose local data would keep what the
     * execution left there for the subscription's whole life.
     */
    private EventSubscription.Client client() {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        Channel channel = context == null ? null : context.getLocal(GraphQLOverWebSocket.CHANNEL);
        return new EventSubscription.Client(channel, context == null ? null : context.unwrap());
    }

    private void connect() {
        listener.connect().onFailure(e -> {
            LOG.warnf("Cannot LISTEN on %s yet (%s); retrying", config.channel(), e.getMessage());
            vertx.setTimer(1000, t -> connect());
        });
    }

    private PgConnectOptions connectOptions() {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.split(",")[0].trim());
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options.setProperties(Map.of("application_name", config.applicationName()));
    }

    /** Schedules one read of the outbox; wake-ups that arrive before it runs are folded into it. */
    private void wake() {
        if (drainQueued.compareAndSet(false, true)) {
            onThread(this::drain);
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down: nothing is delivered any more
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            List<OutboxEvent> batch;
            long before = head;
            do {
                batch = reader.read(head, Long.MAX_VALUE, config.batchSize());
                for (OutboxEvent event : batch) {
                    head = event.id();
                    subscriptions.forEach(s -> s.offer(event));
                }
            } while (batch.size() == config.batchSize());
            if (head != before) {
                newEventListeners.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            // The next notification, reconnect or poll retries from the same head.
            LOG.warn("Reading the outbox failed", e);
        }
        flushAll();
    }

    private void flushAll() {
        try {
            subscriptions.removeIf(subscription -> {
                if (subscription.finished()) {
                    replays.release(subscription);
                }
                return subscription.finished();
            });
            active.set(subscriptions.size());
            serve(subscriptions);
        } catch (RuntimeException e) {
            LOG.warn("Serving subscribers failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T map(OutboxEvent event, Function<OutboxEvent, T> mapper) {
        Mapped last = lastMapped.get(mapper);
        if (last == null || last.event() != event) {
            last = new Mapped(event, mapper.apply(event));
            lastMapped.put(mapper, last);
        }
        return (T) last.value();
    }

    /**
     * Catches up and hands over what each of these subscribers can take now. The hand-overs are
     * batched per event loop, one task per {@code handOverBatch} subscribers (a fan-out to 10,000
     * subscribers is about 40 tasks, not 10,000), each sent as soon as it is full; once a batch is
     * handed over, its subscribers are served again, for events that came meanwhile.
     */
    private void serve(List<EventSubscription<?>> subscribers) {
        Map<ContextInternal, List<HandOver>> batches = new HashMap<>();
        Deliveries deliveries = new Deliveries();
        for (EventSubscription<?> subscription : subscribers) {
            replays.advance(subscription);
            HandOver handOver = take(subscription, deliveries);
            if (handOver == null) {
                continue;
            }
            ContextInternal context = subscription.context();
            if (context == null) {
                handOver.run();
                continue;
            }
            List<HandOver> batch = batches.computeIfAbsent(context, c -> new ArrayList<>());
            batch.add(handOver);
            if (batch.size() >= config.handOverBatch()) {
                handOver(context, batches.remove(context));
            }
        }
        batches.forEach(this::handOver);
        if (deliveries.count > 0) {
            delivered.increment(deliveries.count);
        }
    }

    private void handOver(ContextInternal context, List<HandOver> batch) {
        context.runOnContext(v -> {
            try {
                batch.forEach(HandOver::run);
            } finally {
                onThread(() -> serve(batch.stream().<EventSubscription<?>>map(HandOver::subscription).toList()));
            }
        });
    }

    /** Events taken from a subscriber, to be emitted on its context. */
    private record HandOver(EventSubscription<?> subscription, Runnable emit) {
        void run() {
            emit.run();
        }
    }

    /**
     * The deliveries of one serve, counted once at its end; the lag is recorded once per event and
     * fan-out (its subscribers are served in a row), not once per subscriber.
     */
    private final class Deliveries implements EventSubscription.Delivery {
        private long count;
        private OutboxEvent last;

        @Override
        public void delivered(OutboxEvent event) {
            count++;
            if (event != last) {
                last = event;
                lag.record(Duration.between(event.createdAt(), OffsetDateTime.now()));
            }
        }
    }

    private <T> HandOver take(EventSubscription<T> subscription, Deliveries deliveries) {
        List<T> items = subscription.take(this::map, deliveries);
        return items == null ? null : new HandOver(subscription, () -> subscription.handOver(items));
    }
}
