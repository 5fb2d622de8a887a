package dev.supportgraph.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.util.Map;

/**
 * The transactional outbox: {@link #publish} writes an event row in the caller's transaction, so
 * the event exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class Outbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    EntityManager em;

    /**
     * @param type        event type, e.g. {@code ProblemReportStatusChanged}
     * @param aggregate   GraphQL type of the changed object, e.g. {@code ProblemReport}
     * @param aggregateId its database id
     * @param customerId  the customer it belongs to (null for cross-customer objects), for per-subscriber authorization
     * @param payload     JSON-serializable event details
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, String aggregate, long aggregateId, Long customerId, Map<String, ?> payload) {
        em.createNativeQuery("""
                        insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb))""")
                .unwrap(NativeQuery.class)
                .setParameter(1, type).setParameter(2, aggregate).setParameter(3, aggregateId)
                .setParameter(4, customerId, Long.class).setParameter(5, JSON.toJson(payload))
                .executeUpdate();
    }
}
