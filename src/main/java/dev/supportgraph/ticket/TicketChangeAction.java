package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("TicketChangeAction")
@Description("What changed a ticket's fields.")
public enum TicketChangeAction {
    @Description("ticketAssign: routed to a group and/or an agent.") ASSIGN,
    @Description("ticketUnassign: the agent (and possibly the group) removed.") UNASSIGN,
    @Description("ticketEscalate: moved to another group with a reason (TMF656 escalation).") ESCALATE,
    @Description("An edit of the ticket's fields.") UPDATE
}
