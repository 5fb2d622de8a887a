package dev.supportgraph.ticket;

import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Objects;

/** Records field changes of a ticket (who: the caller, when: now) in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketHistory {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** Records the change when the value really changes; returns whether it did. */
    public boolean changed(TicketRef ticket, Long customerId, TicketField field, TicketChangeAction action,
                           Object oldValue, Object newValue, String reason) {
        if (Objects.equals(oldValue, newValue)) {
            return false;
        }
        TicketFieldChange change = new TicketFieldChange();
        change.ownedBy(ticket);
        change.customerId = customerId;
        change.field = field;
        change.action = action;
        change.oldValue = oldValue == null ? null : oldValue.toString();
        change.newValue = newValue == null ? null : newValue.toString();
        change.reason = reason;
        change.actor = caller.name();
        em.persist(change);
        return true;
    }
}
