package dev.supportgraph.graph;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Applies a lifecycle's transition table and leaves the trail every transition needs, in the
 * caller's transaction: a status_change row (from, to, reason, actor, time) and an outbox event,
 * both written by the outbox in one statement just before commit (see Outbox).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Transitions {

    /**
     * What a status belongs to: its status_change column and the type of its events. The
     * constant name is the events' {@code aggregate} (for tickets the TicketKind name).
     */
    public enum Subject {
        PROBLEM_REPORT("problem_report_id", EventType.TICKET_STATUS_CHANGED),
        SERVICE_TROUBLE("service_trouble_id", EventType.TICKET_STATUS_CHANGED),
        RESOURCE_TROUBLE("resource_trouble_id", EventType.TICKET_STATUS_CHANGED),
        ORDER("order_id", EventType.ORDER_STATE_CHANGED),
        ORDER_ITEM("order_item_id", EventType.ORDER_ITEM_STATE_CHANGED),
        INVOICE("invoice_id", EventType.INVOICE_STATE_CHANGED);

        final String column;
        final EventType event;

        Subject(String column, EventType event) {
            this.column = column;
            this.event = event;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /**
     * Records the creation of an object in {@code initial} (history and event from null).
     * {@code number} is the object's human-readable number (null if it has none).
     */
    public <S extends Enum<S>> S created(Subject subject, StateMachine<S> machine, long id, String number, Long customerId,
                                         S initial, String reason) {
        return created(subject, machine, id, number, customerId, initial, reason, Map.of());
    }

    /** As above, with entries of the object's own in the event's payload. */
    public <S extends Enum<S>> S created(Subject subject, StateMachine<S> machine, long id, String number, Long customerId,
                                         S initial, String reason, Map<String, ?> extra) {
        if (!machine.initial().contains(initial)) {
            throw new IllegalArgumentException(machine.type() + " cannot start in " + initial);
        }
        record(subject, id, number, customerId, null, initial, "create", reason, extra);
        return initial;
    }

    /**
     * Checks {@code from -> to} against the table (INVALID_TRANSITION otherwise, changing
     * nothing), records it and returns {@code to} for the caller to store.
     */
    public <S extends Enum<S>> S move(Subject subject, StateMachine<S> machine, long id, String number, Long customerId,
                                      S from, S to, String reason) {
        return move(subject, machine, id, number, customerId, from, to, reason, Map.of());
    }

    /** As above, with entries of the object's own in the event's payload. */
    public <S extends Enum<S>> S move(Subject subject, StateMachine<S> machine, long id, String number, Long customerId,
                                      S from, S to, String reason, Map<String, ?> extra) {
        S previous = machine.isBack(from, to) ? previous(subject, machine, id, from) : null;
        String action = machine.check(from, to, previous);
        record(subject, id, number, customerId, from, to, action, reason, extra);
        return to;
    }

    /** The state the object was in before it entered {@code current} (from its status history). */
    public <S extends Enum<S>> S previous(Subject subject, StateMachine<S> machine, long id, S current) {
        // The history this transaction recorded is only written at commit unless asked for.
        outbox.writeHistory();
        List<?> rows = em.createNativeQuery("select from_status from status_change where " + subject.column
                        + " = ?1 and to_status = ?2 and from_status is not null order by id desc limit 1")
                .setParameter(1, id).setParameter(2, current.name())
                .getResultList();
        return rows.isEmpty() ? null : machine.states().stream()
                .filter(s -> s.name().equals(rows.getFirst())).findFirst().orElse(null);
    }

    private void record(Subject subject, long id, String number, Long customerId, Enum<?> from, Enum<?> to, String action,
                        String reason, Map<String, ?> extra) {
        outbox.publish(subject.event, subject.name(), id, customerId, subject.column, new Outbox.Change(number,
                from == null ? null : from.name(), to.name(), action, reason, caller.name(), OffsetDateTime.now(), extra));
    }
}
