package dev.supportgraph.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The reads of replays ({@code after:}), off the dispatcher thread: the dispatcher only hands a
 * replaying subscriber's next page to these threads and takes the rows back, so live delivery
 * never waits for a replay's statement. Each read is one page (at most what the subscriber's
 * buffer takes, {@code batch-size} rows), filtered in SQL by event type and customer; and at most
 * {@code replays-per-caller} replays of one caller read at a time, the others wait for a slot
 * (they keep their cursor); the pages of all replays together are handed over at most at
 * {@code replay-events-per-second} ({@link ReplayBudget}). The bookkeeping runs on the dispatcher thread only.
 */
final class ReplayReads {

    private static final Logger LOG = Logger.getLogger(ReplayReads.class);

    private final OutboxReader reader;
    private final int perCaller;
    private final int batchSize;
    private final Executor dispatcher;
    private final LongSupplier head;
    private final Consumer<EventSubscription<?>> afterRead;
    private final ExecutorService threads;
    private final ReplayBudget budget;
    /** Replays holding a slot, per caller; touched only on the dispatcher thread. */
    private final Map<String, Integer> running = new HashMap<>();
    private final Set<EventSubscription<?>> holding = Collections.newSetFromMap(new IdentityHashMap<>());
    /** {@code holding.size()}, for the gauge (read on the scraping thread). */
    private final AtomicInteger replaying = new AtomicInteger();

    /**
     * @param dispatcher runs a task on the dispatcher thread
     * @param head       the dispatcher's head (the last event id it read)
     * @param afterRead  serves a subscriber whose page came back (on the dispatcher thread)
     */
    ReplayReads(OutboxReader reader, EventsConfig config, MeterRegistry registry, Executor dispatcher, LongSupplier head,
                Consumer<EventSubscription<?>> afterRead) {
        this.reader = reader;
        this.perCaller = config.replaysPerCaller();
        this.batchSize = config.batchSize();
        this.dispatcher = dispatcher;
        this.head = head;
        this.afterRead = afterRead;
        this.budget = new ReplayBudget(config.replayEventsPerSecond());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.replayThreads(), r -> {
            Thread t = new Thread(r, "supportgraph-replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("supportgraph.events.replays.reading", replaying, AtomicInteger::get)
                .description("Replays (after:) reading the outbox on this replica (at most replays-per-caller per caller)")
                .register(registry);
    }

    /** Starts the subscriber's next page if it is replaying, a page is due and its caller has a slot. */
    void advance(EventSubscription<?> subscription) {
        if (!subscription.catchingUp()) {
            release(subscription);
            return;
        }
        if (!holding.contains(subscription)) {
            if (running.getOrDefault(subscription.caller(), 0) >= perCaller) {
                return;
            }
            holding.add(subscription);
            running.merge(subscription.caller(), 1, Integer::sum);
            replaying.set(holding.size());
        }
        EventSubscription.Page page = subscription.nextPage(head.getAsLong(), batchSize);
        if (page == null) {
            return;
        }
        try {
            threads.execute(() -> {
                List<OutboxEvent> events;
                try {
                    events = reader.read(page.after(), page.upTo(), page.limit(), page.scope());
                    budget.pace(events.size());
                } catch (RuntimeException e) {
                    LOG.warn("Reading the outbox for a replay failed; it is retried", e);
                    events = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // shutting down: nothing is delivered any more
                }
                List<OutboxEvent> read = events;
                dispatcher.execute(() -> {
                    subscription.read(page, read, head.getAsLong());
                    afterRead.accept(subscription);
                });
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nothing is delivered any more
        }
    }

    /** Frees the subscriber's slot (it turned live or ended). */
    void release(EventSubscription<?> subscription) {
        if (holding.remove(subscription)) {
            running.computeIfPresent(subscription.caller(), (caller, count) -> count == 1 ? null : count - 1);
            replaying.set(holding.size());
        }
    }

    void stop() {
        threads.shutdownNow();
    }
}
