package dev.supportgraph.ticket;

/** Urgency of handling, most urgent first (the declaration order is the sort order). */
public enum TicketPriority {
    CRITICAL, HIGH, MEDIUM, LOW
}
