package dev.supportgraph.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands every outbox event to a feature exactly once, whatever the number of replicas (webhook
 * fan-out, e-mail notifications). A consumer is a row of {@code outbox_consumer} holding the last
 * event id it passed. A pass locks that row with {@code FOR UPDATE SKIP LOCKED} (a replica that
 * finds it locked skips the pass: another one is reading), reads the events after the cursor in
 * id order, lets the feature write its own work rows, and advances the cursor, all in one
 * transaction: the work rows exist exactly when the cursor has passed their events. Outbox ids
 * commit in id order (see {@link Outbox}), so reading "id > cursor" never skips a row.
 * <p>
 * A new consumer starts at the newest event: it acts on what happens from its first pass on.
 * {@link OutboxReader#purge} keeps every row some consumer has not passed yet.
 */
@ApplicationScoped
public class OutboxConsumer {

    @Inject
    EntityManager em;

    @Inject
    OutboxReader reader;

    /** Consumers whose row this process has made sure of (the insert is a no-op after the first). */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    /**
     * One pass of consumer {@code name} over at most {@code batchSize} events; {@code feature}
     * gets them in id order inside the pass's transaction (its writes commit with the cursor).
     * Returns how many events were passed: 0 when nothing is new or another replica holds the cursor.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int pass(String name, int batchSize, Consumer<List<OutboxEvent>> feature) {
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
        feature.accept(events);
        em.createNativeQuery("update outbox_consumer set last_event_id = ?2, updated_at = now() where name = ?1")
                .setParameter(1, name).setParameter(2, events.getLast().id()).executeUpdate();
        return events.size();
    }

    /** Passes until the consumer has caught up (or another replica holds it); returns how many events were passed. */
    public int drain(String name, int batchSize, Consumer<List<OutboxEvent>> feature) {
        int total = 0;
        int passed;
        do {
            passed = pass(name, batchSize, feature);
            total += passed;
        } while (passed == batchSize);
        return total;
    }
}
