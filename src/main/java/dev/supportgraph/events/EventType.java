package dev.supportgraph.events;

/** What an outbox row announces (column {@code outbox_event.type}); payloads in {@link Outbox}. */
public enum EventType {
    /** A problem report, service trouble or resource trouble was created or changed status. */
    TICKET_STATUS_CHANGED,
    /** A product order was created or changed state. */
    ORDER_STATE_CHANGED,
    /** An order item changed state. */
    ORDER_ITEM_STATE_CHANGED,
    /** An invoice was created or changed state. */
    INVOICE_STATE_CHANGED
}
