package dev.supportgraph.events;

import dev.supportgraph.notification.EmailFanOut;
import dev.supportgraph.testing.Concurrently;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.webhook.WebhookFanOut;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox consumer: concurrent passes (two replicas) hand each event over once, in order; the purge waits for every consumer;
 * an event the feature throws on is skipped without stopping the ones behind it.
 */
@QuarkusTest
class OutboxConsumerTest {

    private static final int EVENTS = 300;

    @Inject
    DataSource ds;

    @Inject
    OutboxConsumer consumer;

    @Inject
    OutboxReader reader;

    @Inject
    WebhookFanOut webhooks;

    @Inject
    MeterRegistry registry;

    @Inject
    EmailFanOut emails;

    @Test
    void concurrentPassesHandEachEventOverOnceAndThePurgeWaitsForEveryConsumer() throws Exception {
        String name = "test-" + UUID.randomUUID();
        // The features' consumers exist and have caught up before the test's events.
        webhooks.run();
        emails.run();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        consumer.pass(name, 10, collect(seen, -1));
        assertEquals(List.of(), seen, "a new consumer starts at the newest event");
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // Old enough for the purge below; ORDER_ITEM_STATE_CHANGED rows become neither webhooks nor e-mails.
            written.add(Sql.exec(ds, """
                    insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload, created_at)
                    values ('ORDER_ITEM_STATE_CHANGED', 'ORDER_ITEM', ?, null, '{}', now() - interval '2 days') returning id""", 990_000 + i));
        }
        reader.purge(OffsetDateTime.now().minusDays(1));
        assertEquals(EVENTS, count(written), "no consumer has passed them: kept");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Runnable replica = () -> {
            while (seen.size() < EVENTS && System.nanoTime() < deadline) {
                consumer.drain(name, 7, collect(seen, -1));
            }
        };
        Concurrently.run(Duration.ofSeconds(90), replica, replica);
        assertEquals(written, seen, "each event once, in id order");

        reader.purge(OffsetDateTime.now().minusDays(1));
        assertEquals(EVENTS, count(written), "the webhook and e-mail consumers have not passed them: kept");
        webhooks.run();
        emails.run();
        reader.purge(OffsetDateTime.now().minusDays(1));
        assertEquals(0, count(written), "every consumer passed them: purged");
    }

    @Test
    void anEventTheFeatureThrowsOnIsSkippedCountedAndTheOnesAfterItPass() {
        String name = "poison-" + UUID.randomUUID();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        consumer.pass(name, 10, collect(seen, -1));
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(Sql.exec(ds, """
                    insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                    values ('ORDER_ITEM_STATE_CHANGED', 'ORDER_ITEM', ?, null, '{}') returning id""", 991_000 + i));
        }
        long poison = written.get(2);
        assertEquals(5, consumer.drain(name, 10, collect(seen, poison)), "the cursor passed all five");
        List<Long> others = written.stream().filter(id -> id != poison).toList();
        assertEquals(others, seen, "the events after the poison one were handed over, in order");
        assertEquals(1.0, registry.counter("supportgraph.outbox.consumer.skipped", "consumer", name).count());
        assertEquals(0, consumer.drain(name, 10, collect(seen, poison)), "skipped once, not retried");
        assertEquals(others, seen);
    }

    /** A feature adding each event's id to {@code seen} at write, throwing on event {@code poison}. */
    private static Supplier<OutboxConsumer.Feature<Long>> collect(List<Long> seen, long poison) {
        return () -> new OutboxConsumer.Feature<>() {
            @Override
            public List<Long> rows(OutboxEvent event) {
                if (event.id() == poison) {
                    throw new IllegalStateException("poison event " + poison);
                }
                return List.of(event.id());
            }

            @Override
            public void write(List<Long> rows) {
                seen.addAll(rows);
            }
        };
    }

    private long count(List<Long> ids) {
        return Sql.count(ds, "select count(*) from outbox_event where id between ? and ?", ids.getFirst(), ids.getLast());
    }
}
