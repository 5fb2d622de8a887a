package dev.supportgraph.alarm;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The advisory locks of alarm writes (see {@link AlarmLifecycle}): a resource and the services
 * behind it, taken in one statement and sorted order, held until the transaction ends. A batch of
 * the feed writes many alarms of few resources: each resource is locked once per transaction.
 */
@TransactionScoped
public class AlarmLocks implements Serializable {

    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, 0)) from (
                select 'alarm:resource:' || ?1 as k
                union all select 'alarm:service:' || sr.service_id from service_resource sr where sr.resource_id = ?1
                order by k) keys) locked""";

    @Inject
    transient EntityManager em;

    private final Set<Long> locked = new HashSet<>();

    void lock(long resource) {
        if (locked.add(resource)) {
            em.createNativeQuery(LOCK).setParameter(1, resource).getSingleResult();
        }
    }
}
