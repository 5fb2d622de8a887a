package dev.supportgraph.events;

/** What an outbox row announces (column {@code outbox_event.type}). */
public enum EventType {
    /** A problem report, service trouble or resource trouble changed status. */
    TICKET_STATUS_CHANGED,
    /** A product order changed state. */
    ORDER_STATE_CHANGED,
    /** An invoice changed state. */
    INVOICE_STATE_CHANGED
}
