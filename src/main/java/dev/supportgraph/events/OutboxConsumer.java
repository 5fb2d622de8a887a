package dev.supportgraph.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hands every outbox event to a feature exactly once, whatever the number of replicas (webhook
 * fan-out, e-mail notifications). A consumer is a row of {@code outbox_consumer} holding the last
 * event id it passed. A pass locks that row with {@code FOR UPDATE SKIP LOCKED} (a replica that
 * finds it locked skips the pass: another one is reading), reads the events after the cursor in
 * id order, lets the feature write its own work rows, and advances the cursor, all in one
 * transaction: the work rows exist exactly when the cursor has passed their events. Outbox ids
 * commit in id order (see {@link Outbox}), so reading "id > cursor" never skips a row.
 * <p>
 * A poison event (one the feature throws on) is skipped: logged once, counted in
 * {@code supportgraph.outbox.consumer.skipped}, and passed with the others, so it cannot stop the
 * events behind it. A database error instead rolls the whole pass back (the next pass retries it):
 * it is taken for transient, and it has aborted the transaction anyway.
 * <p>
 * A new consumer starts at the newest event: it acts on what happens from its first pass on.
 * {@link OutboxReader#purge} keeps every row some consumer has not passed yet.
 */
@ApplicationScoped
public class OutboxConsumer {

    private static final Logger LOG = Logger.getLogger(OutboxConsumer.class);

    /**
     * What a feature does with a pass, made fresh for each pass inside its transaction (it may
     * read there, e.g. the listeners an event fans out to).
     */
    public interface Feature<R> {

        /** The work rows one event becomes; throwing skips the event (the others still pass). */
        List<R> rows(OutboxEvent event);

        /** Writes the rows of the pass's events, in id order, in the pass's transaction. */
        void write(List<R> rows);
    }

    @Inject
    EntityManager em;

    @Inject
    OutboxReader reader;

    @Inject
    MeterRegistry registry;

    /** Consumers whose row this process has made sure of (the insert is a no-op after the first). */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    /**
     * One pass of consumer {@code name} over at most {@code batchSize} events; a feature made by
     * {@code features} gets them in id order inside the pass's transaction (its writes commit with
     * the cursor). Returns how many events were passed (skipped ones included): 0 when nothing is
     * new or another replica holds the cursor.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <R> int pass(String name, int batchSize, Supplier<? extends Feature<R>> features) {
        if (!registered.contains(name)) {
            em.createNativeQuery("""
                            insert into outbox_consumer (name, last_event_id)
                            select ?1, coalesce(max(id), 0) from outbox_event on conflict do nothing""")
                    .setParameter(1, name).executeUpdate();
            registered.add(name);
        }
        List<?> cursor = em.createNativeQuery("select last_event_id from outbox_consumer where name = ?1 for update skip locked")
                .setParameter(1, name).getResultList();
        if (cursor.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> events = reader.read(((Number) cursor.getFirst()).longValue(), Long.MAX_VALUE, batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        Feature<R> feature = features.get();
        List<R> rows = new ArrayList<>();
        for (OutboxEvent event : events) {
            try {
                rows.addAll(feature.rows(event));
            } catch (RuntimeException e) {
                skipped(name, event, e);
            }
        }
        if (!rows.isEmpty()) {
            feature.write(rows);
        }
        em.createNativeQuery("update outbox_consumer set last_event_id = ?2, updated_at = now() where name = ?1")
                .setParameter(1, name).setParameter(2, events.getLast().id()).executeUpdate();
        return events.size();
    }

    /** Passes until the consumer has caught up (or another replica holds it); returns how many events were passed. */
    public <R> int drain(String name, int batchSize, Supplier<? extends Feature<R>> features) {
        int total = 0;
        int passed;
        do {
            passed = pass(name, batchSize, features);
            total += passed;
        } while (passed == batchSize);
        return total;
    }

    /** One line per skipped event (it is skipped once: the cursor passes it); the stack trace only at debug level. */
    private void skipped(String name, OutboxEvent event, RuntimeException e) {
        Counter.builder("supportgraph.outbox.consumer.skipped")
                .description("Outbox events a consumer skipped because its feature threw on them (poison events; see the log)")
                .tag("consumer", name).register(registry).increment();
        LOG.errorf("Outbox consumer %s skipped event %d (%s %s:%d): %s", name, event.id(), event.type(), event.aggregate(),
                event.aggregateId(), e);
        LOG.debugf(e, "Outbox consumer %s: event %d", name, event.id());
    }
}
