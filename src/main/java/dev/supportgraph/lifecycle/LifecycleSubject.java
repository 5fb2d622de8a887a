package dev.supportgraph.lifecycle;

import dev.supportgraph.events.EventType;

/**
 * What a domain registers to let {@link Transitions} move its objects: the transition table, the
 * status_change column that holds the object's id, and the events its changes publish. A new
 * stateful type declares one next to its table (e.g. {@code InvoiceLifecycle.SUBJECT}) and adds its
 * column to status_change; this layer does not change.
 *
 * @param aggregate     the events' {@code outbox_event.aggregate} (for tickets the TicketKind name)
 * @param historyColumn the status_change column naming the object, e.g. {@code invoice_id}
 * @param event         the type of the events of its state changes
 * @param machine       its transition table
 */
public record LifecycleSubject<S extends Enum<S>>(String aggregate, String historyColumn, EventType event,
                                                  StateMachine<S> machine) {

    public LifecycleSubject {
        // Named into the history query: a column name, never input.
        if (!historyColumn.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a status_change column: " + historyColumn);
        }
    }
}
