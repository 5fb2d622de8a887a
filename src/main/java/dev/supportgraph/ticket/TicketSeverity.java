package dev.supportgraph.ticket;

/** How badly the trouble affects the customer or the network. */
public enum TicketSeverity {
    CRITICAL, MAJOR, MINOR, WARNING
}
