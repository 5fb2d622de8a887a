package dev.supportgraph.ticket;

/** The states shared by all tickets (TMF621/TMF656). */
public enum TicketStatus {
    ACKNOWLEDGED, IN_PROGRESS, PENDING, HELD, RESOLVED, CLOSED, REJECTED, CANCELLED
}
