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
    INVOICE_STATE_CHANGED,
    /** A problem report's SLA target is about to be missed. */
    SLA_AT_RISK,
    /** A problem report's SLA target was missed. */
    SLA_BREACHED,
    /** A breach earned the customer a credit (applied to an invoice or pending). */
    SERVICE_CREDIT_GRANTED,
    /** The customer was told proactively about an outage affecting them, or its end. */
    PROACTIVE_NOTICE,
    /** A resource trouble opened or linked service troubles and proactive problem reports. */
    RESOURCE_TROUBLE_PROPAGATED,
    /** The customer rated the resolution of a closed problem report. */
    PROBLEM_REPORT_RATED,
    /** A customer was created, updated or deactivated through the reference-data API (aggregate CUSTOMER). */
    CUSTOMER_CHANGED,
    /** A contact was created, updated or deactivated (aggregate CONTACT). */
    CONTACT_CHANGED,
    /** A service was created or updated, or a resource was linked to or unlinked from it (aggregate SERVICE). */
    SERVICE_CHANGED,
    /** A resource was created or updated (aggregate RESOURCE). */
    RESOURCE_CHANGED,
    /** A ticket was assigned, unassigned or escalated (its work group and/or assignee changed). */
    TICKET_ASSIGNMENT_CHANGED,
    /** Fields of a ticket were edited (title, description, priority, severity, urgency, category). */
    TICKET_FIELDS_CHANGED,
    /** The SLA job moved a ticket's stored resolution clock (state, due time or breach). */
    TICKET_SLA_CHANGED
}
