package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;

/** Urgency of handling, most urgent first (the declaration order is the sort order). */
@Description("Urgency of handling, most urgent first (the declaration order is the sort order).")
public enum TicketPriority {
    @Description("Handle immediately.")
    CRITICAL,
    @Description("Handle before all but critical tickets.")
    HIGH,
    @Description("Handle in normal order.")
    MEDIUM,
    @Description("Handle when time allows.")
    LOW
}
