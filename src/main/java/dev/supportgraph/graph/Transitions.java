package dev.supportgraph.graph;

import dev.supportgraph.events.Outbox;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a lifecycle's transition table and leaves the trail every transition needs, in the
 * caller's transaction: a status_change row (from, to, reason, actor, time) and an outbox event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Transitions {

    /** What a status belongs to: its status_change column and its GraphQL type. */
    public enum Subject {
        PROBLEM_REPORT("problem_report_id", "ProblemReport"),
        SERVICE_TROUBLE("service_trouble_id", "ServiceTrouble"),
        RESOURCE_TROUBLE("resource_trouble_id", "ResourceTrouble"),
        ORDER("order_id", "ProductOrder"),
        ORDER_ITEM("order_item_id", "OrderItem"),
        INVOICE("invoice_id", "Invoice");

        final String column;
        final String type;

        Subject(String column, String type) {
            this.column = column;
            this.type = type;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** Records the creation of an object in {@code initial} (history from null). */
    public <S extends Enum<S>> S created(Subject subject, StateMachine<S> machine, long id, Long customerId, S initial, String reason) {
        if (!machine.initial().contains(initial)) {
            throw new IllegalArgumentException(machine.type() + " cannot start in " + initial);
        }
        record(subject, id, customerId, null, initial, "create", reason, "Created");
        return initial;
    }

    /**
     * Checks {@code from -> to} against the table (INVALID_TRANSITION otherwise, changing
     * nothing), records it and returns {@code to} for the caller to store.
     */
    public <S extends Enum<S>> S move(Subject subject, StateMachine<S> machine, long id, Long customerId, S from, S to, String reason) {
        S previous = machine.isBack(from, to) ? previous(subject, machine, id, from) : null;
        String action = machine.check(from, to, previous);
        record(subject, id, customerId, from, to, action, reason, "StatusChanged");
        return to;
    }

    /** The state the object was in before it entered {@code current} (from its status history). */
    public <S extends Enum<S>> S previous(Subject subject, StateMachine<S> machine, long id, S current) {
        List<?> rows = em.createNativeQuery("select from_status from status_change where " + subject.column
                        + " = ?1 and to_status = ?2 and from_status is not null order by id desc limit 1")
                .setParameter(1, id).setParameter(2, current.name())
                .getResultList();
        return rows.isEmpty() ? null : machine.states().stream()
                .filter(s -> s.name().equals(rows.getFirst())).findFirst().orElse(null);
    }

    private void record(Subject subject, long id, Long customerId, Enum<?> from, Enum<?> to, String action,
                        String reason, String event) {
        String fromName = from == null ? null : from.name();
        em.createNativeQuery("insert into status_change (" + subject.column
                        + ", customer_id, from_status, to_status, reason, actor) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .unwrap(NativeQuery.class)
                .setParameter(1, id).setParameter(2, customerId, Long.class).setParameter(3, fromName, String.class)
                .setParameter(4, to.name()).setParameter(5, reason, String.class).setParameter(6, caller.name())
                .executeUpdate();
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", GlobalId.encode(subject.type, id));
        payload.put("from", fromName);
        payload.put("to", to.name());
        payload.put("action", action);
        payload.put("reason", reason);
        payload.put("actor", caller.name());
        outbox.publish(subject.type + event, subject.type, id, customerId, payload);
    }
}
