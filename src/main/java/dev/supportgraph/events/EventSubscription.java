package dev.supportgraph.events;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import io.netty.channel.Channel;
import io.vertx.core.impl.ContextInternal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One subscriber's position in the event stream. Touched only by the dispatcher thread (but for
 * the hand-over to the client's context), so events reach it in id order. A subscriber starting
 * from a cursor first catches up by reading the outbox at its own pace, a page at a time (never
 * more than its buffer holds), the reads running off the dispatcher thread ({@link ReplayReads});
 * once it has read up to the dispatcher's head it turns live and receives new events as they are
 * fanned out.
 * <p>
 * It is its client's reactive-streams subscription itself rather than a Mutiny emitter, which
 * would keep a serializing emitter with a 256-slot queue and a buffering one per idle subscriber:
 * every signal to the client already goes through its own context (see {@link #flush}), one
 * hand-over at a time, and never more items than it asked for.
 */
final class EventSubscription<T> implements Flow.Subscription {

    /**
     * Where the subscriber is connected: its socket, to hold events back while it cannot take
     * more, and the Vert.x context it subscribed on (either null when unknown).
     */
    record Client(Channel channel, ContextInternal context) {
    }

    /** Called for every event handed to the client. */
    interface Delivery {
        void delivered(OutboxEvent event);
    }

    /** Maps an event to what its clients receive (the dispatcher shares one mapping among them). */
    interface Mapping {
        <T> T map(OutboxEvent event, Function<OutboxEvent, T> mapper);
    }

    private final Predicate<OutboxEvent> accepts;
    /** The mapping of each event: one of a few shared ones (the dispatcher shares each one's results). */
    private final Function<OutboxEvent, Function<OutboxEvent, T>> mapper;
    private final Flow.Subscriber<? super T> subscriber;
    /** Called when the client cancels. */
    private final Runnable onCancel;
    /** Called once when the stream ends, however it ends (the resolver's bean may be released then). */
    private final Runnable onTermination;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private final Channel channel;
    private final ContextInternal context;
    private final int capacity;
    private final ArrayDeque<OutboxEvent> buffer = new ArrayDeque<>();
    private final Long after;
    /** What the replay reads from the outbox (narrowed in SQL). */
    private final OutboxReader.Scope replay;
    /** Who subscribed (see {@link #caller()}). */
    private final String caller;
    private long position;
    private boolean live;
    /** A catch-up page is being read off the dispatcher thread. */
    private boolean reading;
    private boolean failed;
    private final AtomicLong requested = new AtomicLong();
    private volatile boolean cancelled;
    /** Set while events are on their way to the client's context (cleared there). */
    private volatile boolean handingOver;

    /**
     * @param after   replay the events after this id, or null for only new events
     * @param replay  what of the outbox a replay reads
     * @param caller  who subscribed (replays are limited per caller)
     * @param client  the client's socket and Vert.x context
     */
    EventSubscription(Predicate<OutboxEvent> accepts, Function<OutboxEvent, Function<OutboxEvent, T>> mapper, Flow.Subscriber<? super T> subscriber,
                      Long after, OutboxReader.Scope replay, String caller, Client client, int capacity,
                      Runnable onCancel, Runnable onTermination) {
        this.accepts = accepts;
        this.mapper = mapper;
        this.subscriber = subscriber;
        this.onCancel = onCancel;
        this.onTermination = onTermination;
        this.after = after;
        this.replay = replay;
        this.caller = caller;
        this.channel = client.channel();
        this.context = client.context();
        this.capacity = capacity;
    }

    /** Places the subscriber at its cursor, or at the dispatcher's head when it has none. */
    void start(long head) {
        position = after == null ? head : after;
        live = position >= head;
    }

    boolean finished() {
        return failed || cancelled;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancel();
            subscriber.onError(new IllegalArgumentException("Requested " + n + " events (reactive streams rule 3.9)"));
            return;
        }
        requested.accumulateAndGet(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
            terminated();
        }
    }

    /** A new event fanned out by the dispatcher (in id order). */
    void offer(OutboxEvent event) {
        if (!live || finished() || event.id() <= position) {
            return;
        }
        position = event.id();
        if (!accepts.test(event)) {
            return;
        }
        if (buffer.size() >= capacity) {
            failed = true;
            buffer.clear();
            ApiException tooSlow = ApiException.of(ErrorCode.SUBSCRIBER_TOO_SLOW, "The subscriber did not keep up ("
                    + capacity + " events buffered); resubscribe with after: the last eventId received");
            signal(() -> subscriber.onError(tooSlow));
            return;
        }
        buffer.add(event);
    }

    /** One page of a catch-up: the rows with {@code after < id <= upTo} within {@code scope}, at most {@code limit}. */
    record Page(long after, long upTo, int limit, OutboxReader.Scope scope) {
    }

    /** Whether it is still replaying (not live yet, not finished). */
    boolean catchingUp() {
        return !live && !finished();
    }

    /**
     * While catching up: the next page to read, up to {@code head} and what fits into the buffer,
     * or null when none is due now (one read at a time, none while the buffer is full).
     */
    Page nextPage(long head, int batchSize) {
        if (!catchingUp() || reading || buffer.size() >= capacity) {
            return null;
        }
        reading = true;
        return new Page(position, head, Math.min(batchSize, capacity - buffer.size()), replay);
    }

    /**
     * A page read (null: the read failed, and is retried). Once a page comes back short the
     * replay has reached the head it was read up to; it turns live if that is still the head, and
     * otherwise reads on (events fanned out meanwhile were not offered to it).
     */
    void read(Page page, List<OutboxEvent> events, long head) {
        reading = false;
        if (events == null || finished()) {
            return;
        }
        for (OutboxEvent event : events) {
            position = event.id();
            if (accepts.test(event)) {
                buffer.add(event);
            }
        }
        if (events.size() < page.limit()) {
            position = page.upTo();
            live = position >= head;
        }
    }

    /** Whose replay this is, for the limit of concurrent replays per caller. */
    String caller() {
        return caller;
    }

    /**
     * The buffered events to hand to the client now: as many as it asks for and its socket takes,
     * or null (nothing to hand over, or a hand-over is still under way). They are handed over by
     * {@link #handOver} on the client's own Vert.x context (its event loop), so a fan-out renders
     * and writes on all event loops instead of on the dispatcher thread; one hand-over at a time
     * keeps them in order.
     */
    List<T> take(Mapping mapping, Delivery delivery) {
        if (handingOver) {
            return null;
        }
        List<T> items = null;
        long requested = this.requested.get();
        while (!buffer.isEmpty() && !finished() && (items == null || items.size() < requested)
                && requested > 0 && (channel == null || channel.isWritable())) {
            OutboxEvent event = buffer.poll();
            if (items == null) {
                items = new ArrayList<>(Math.min(buffer.size() + 1, capacity));
            }
            items.add(mapping.map(event, mapper.apply(event)));
            delivery.delivered(event);
        }
        if (items == null) {
            return null;
        }
        if (requested != Long.MAX_VALUE) {
            this.requested.addAndGet(-items.size());
        }
        handingOver = context != null;
        return items;
    }

    /** The client's context, where {@link #handOver} runs (null: anywhere). */
    ContextInternal context() {
        return context;
    }

    /** Emits events {@link #take} took, on the client's context. */
    void handOver(List<T> items) {
        try {
            items.forEach(this::emit);
        } finally {
            handingOver = false;
        }
    }

    private void emit(T item) {
        if (!cancelled) {
            subscriber.onNext(item);
        }
    }

    void complete() {
        signal(subscriber::onComplete);
    }

    /** A terminal signal, after the events already on their way (the same context runs them in order). */
    private void signal(Runnable terminal) {
        if (context == null) {
            terminal.run();
            terminated();
        } else {
            context.runOnContext(v -> {
                terminal.run();
                terminated();
            });
        }
    }

    private void terminated() {
        if (terminated.compareAndSet(false, true)) {
            onTermination.run();
        }
    }
}
