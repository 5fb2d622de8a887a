package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;

/** How badly the trouble affects the customer or the network. */
@Description("How badly the trouble affects the customer or the network.")
public enum TicketSeverity {
    @Description("Service is down.")
    CRITICAL,
    @Description("Service is severely degraded.")
    MAJOR,
    @Description("Service is degraded but usable.")
    MINOR,
    @Description("No degradation yet.")
    WARNING
}
