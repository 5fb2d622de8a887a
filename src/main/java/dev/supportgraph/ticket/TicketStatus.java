package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;

/** The states shared by all tickets (TMF621/TMF656). */
@Description("The states shared by all tickets (TMF621/TMF656).")
public enum TicketStatus {
    @Description("Received and accepted, work not started.")
    ACKNOWLEDGED,
    @Description("Being worked on.")
    IN_PROGRESS,
    @Description("Waiting for the customer or a third party.")
    PENDING,
    @Description("Put on hold, e.g. waiting for a planned change.")
    HELD,
    @Description("Fixed; awaiting the customer's confirmation.")
    RESOLVED,
    @Description("Finished; no more changes.")
    CLOSED,
    @Description("Not accepted (invalid or duplicate).")
    REJECTED,
    @Description("Withdrawn before it was resolved.")
    CANCELLED
}
