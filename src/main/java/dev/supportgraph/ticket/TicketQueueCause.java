package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("TicketQueueCause")
@Description("What kind of change moved a ticket in or out of a queue, or within it.")
public enum TicketQueueCause {
    @Description("The ticket was created.") CREATED,
    @Description("The ticket changed status.") STATUS,
    @Description("The ticket was assigned, unassigned or escalated.") ASSIGNMENT,
    @Description("Fields of the ticket were edited (e.g. its category or priority).") FIELDS,
    @Description("The SLA job moved the ticket's resolution clock (state, due time or breach).") SLA
}
