package dev.supportgraph.ticket;

/** The three kinds of ticket, one table each. */
public enum TicketKind {
    PROBLEM_REPORT, SERVICE_TROUBLE, RESOURCE_TROUBLE
}
