package dev.supportgraph.alarm;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The advisory locks of alarm writes (see {@link AlarmLifecycle}): resources and the services
 * behind them, taken in one statement and sorted order, held until the transaction ends. A batch of
 * the feed writes many alarms of few resources: each resource is locked once per transaction, and
 * the feed locks all of a batch's resources before its first line ({@link #lockAll}), so two
 * batches naming the same resources in different orders wait for each other instead of deadlocking.
 */
@TransactionScoped
public class AlarmLocks implements Serializable {

    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, 0)) from (
                select 'alarm:resource:' || r as k from unnest(cast(?1 as bigint[])) r
                union select 'alarm:service:' || sr.service_id from service_resource sr where sr.resource_id = any(cast(?1 as bigint[]))
                order by k) keys) locked""";

    @Inject
    transient EntityManager em;

    private final Set<Long> locked = new HashSet<>();

    void lock(long resource) {
        lockAll(List.of(resource));
    }

    /** Locks those of {@code resources} this transaction has not locked yet, all in one statement. */
    void lockAll(Collection<Long> resources) {
        Long[] fresh = resources.stream().filter(locked::add).toArray(Long[]::new);
        if (fresh.length > 0) {
            em.createNativeQuery(LOCK).setParameter(1, fresh).getSingleResult();
        }
    }
}
