package dev.supportgraph.lifecycle;

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
    public <S extends Enum<S>> S created(LifecycleSubject<S> subject, long id, String number, Long customerId, S initial,
                                         String reason) {
        return created(subject, id, number, customerId, initial, reason, Map.of());
    }

    /** As above, with entries of the object's own in the event's payload. */
    public <S extends Enum<S>> S created(LifecycleSubject<S> subject, long id, String number, Long customerId, S initial,
                                         String reason, Map<String, ?> extra) {
        if (!subject.machine().initial().contains(initial)) {
            throw new IllegalArgumentException(subject.machine().type() + " cannot start in " + initial);
        }
        record(subject, id, number, customerId, null, initial, "create", reason, extra);
        return initial;
    }

    /**
     * Checks {@code from -> to} against the table (INVALID_TRANSITION otherwise, changing
     * nothing), records it and returns {@code to} for the caller to store.
     */
    public <S extends Enum<S>> S move(LifecycleSubject<S> subject, long id, String number, Long customerId, S from, S to,
                                      String reason) {
        return move(subject, id, number, customerId, from, to, reason, Map.of());
    }

    /** As above, with entries of the object's own in the event's payload. */
    public <S extends Enum<S>> S move(LifecycleSubject<S> subject, long id, String number, Long customerId, S from, S to,
                                      String reason, Map<String, ?> extra) {
        S previous = subject.machine().isBack(from, to) ? previous(subject, id, from) : null;
        String action = subject.machine().check(from, to, previous);
        record(subject, id, number, customerId, from, to, action, reason, extra);
        return to;
    }

    /** The state the object was in before it entered {@code current} (from its status history). */
    public <S extends Enum<S>> S previous(LifecycleSubject<S> subject, long id, S current) {
        // The history this transaction recorded is only written at commit unless asked for.
        outbox.writeHistory();
        List<?> rows = em.createNativeQuery("select from_status from status_change where " + subject.historyColumn()
                        + " = ?1 and to_status = ?2 and from_status is not null order by id desc limit 1")
                .setParameter(1, id).setParameter(2, current.name())
                .getResultList();
        return rows.isEmpty() ? null : subject.machine().states().stream()
                .filter(s -> s.name().equals(rows.getFirst())).findFirst().orElse(null);
    }

    private void record(LifecycleSubject<?> subject, long id, String number, Long customerId, Enum<?> from, Enum<?> to, String action,
                        String reason, Map<String, ?> extra) {
        outbox.publish(subject.event(), subject.aggregate(), id, customerId, subject.historyColumn(), new Outbox.Change(number,
                from == null ? null : from.name(), to.name(), action, reason, caller.name(), OffsetDateTime.now(), extra));
    }
}
