package dev.supportgraph.events;

import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.ErrorCode;
import io.netty.channel.Channel;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.impl.ContextInternal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One subscriber's position in the event stream. Touched only by the dispatcher thread (but for
 * the hand-over to the client's context), so events reach it in id order. A subscriber starting
 * from a cursor first catches up by reading the outbox at its own pace (never more than its
 * buffer holds); once it has read up to the dispatcher's head it turns live and receives new
 * events as they are fanned out.
 */
final class EventSubscription<T> {

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

    private final Predicate<OutboxEvent> accepts;
    private final Function<OutboxEvent, T> mapper;
    private final MultiEmitter<? super T> emitter;
    private final Channel channel;
    private final ContextInternal context;
    private final int capacity;
    private final ArrayDeque<OutboxEvent> buffer = new ArrayDeque<>();
    private final Long after;
    private long position;
    private boolean live;
    private boolean failed;
    /** Set while events are on their way to the client's context (cleared there). */
    private volatile boolean handingOver;

    /**
     * @param after   replay the events after this id, or null for only new events
     * @param client  the client's socket and Vert.x context
     */
    EventSubscription(Predicate<OutboxEvent> accepts, Function<OutboxEvent, T> mapper, MultiEmitter<? super T> emitter,
                      Long after, Client client, int capacity) {
        this.accepts = accepts;
        this.mapper = mapper;
        this.emitter = emitter;
        this.after = after;
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
        return failed || emitter.isCancelled();
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
            emitter.fail(ApiException.of(ErrorCode.SUBSCRIBER_TOO_SLOW, "The subscriber did not keep up (" + capacity
                    + " events buffered); resubscribe with after: the last eventId received"));
            return;
        }
        buffer.add(event);
    }

    /** While catching up: reads what fits into the buffer, up to {@code head}. */
    void catchUp(OutboxReader reader, long head, int batchSize) {
        while (!live && !finished() && buffer.size() < capacity) {
            int limit = Math.min(batchSize, capacity - buffer.size());
            var events = reader.read(position, head, limit);
            for (OutboxEvent event : events) {
                position = event.id();
                if (accepts.test(event)) {
                    buffer.add(event);
                }
            }
            if (events.size() < limit) {
                position = head;
                live = true;
            }
        }
    }

    /**
     * Hands buffered events to the client while it asks for them and its socket takes them. They
     * are emitted on the client's own Vert.x context (its event loop, which also carries its
     * request scope for the resolvers of the events' fields), so a fan-out renders on all event
     * loops instead of on the dispatcher thread; one hand-over at a time keeps them in order, and
     * {@code again} is called when it is done, to serve this subscriber once more.
     */
    void flush(Delivery delivery, Consumer<EventSubscription<T>> again) {
        if (handingOver) {
            return;
        }
        List<T> items = new ArrayList<>();
        long requested = emitter.requested();
        while (!buffer.isEmpty() && !finished() && items.size() < requested && (channel == null || channel.isWritable())) {
            OutboxEvent event = buffer.poll();
            items.add(mapper.apply(event));
            delivery.delivered(event);
        }
        if (items.isEmpty()) {
            return;
        }
        if (context == null) {
            items.forEach(emitter::emit);
            return;
        }
        handingOver = true;
        context.runOnContext(v -> {
            try {
                items.forEach(emitter::emit);
            } finally {
                handingOver = false;
                again.accept(this);
            }
        });
    }

    void complete() {
        emitter.complete();
    }
}
