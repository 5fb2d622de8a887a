package dev.supportgraph.ticket;

/** Status of every ticket (TMF621 / TMF656); the allowed changes are in {@link TicketLifecycles}. */
public enum TicketStatus {
    ACKNOWLEDGED, IN_PROGRESS, PENDING, HELD, RESOLVED, CLOSED, REJECTED, CANCELLED
}
