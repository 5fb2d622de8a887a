package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("TicketField")
@Description("A ticket field whose changes are recorded in fieldChanges.")
public enum TicketField {
    @Description("The title.") TITLE,
    @Description("The description.") DESCRIPTION,
    @Description("The priority staff set (it selects the SLA policy).") PRIORITY,
    @Description("The severity staff set.") SEVERITY,
    @Description("The urgency the customer stated.") URGENCY,
    @Description("The work group the ticket is routed to.") WORK_GROUP,
    @Description("The agent working on the ticket.") ASSIGNEE,
    @Description("The ticket's category (values are category codes).") CATEGORY,
    @Description("The id of the ticket in another system.") EXTERNAL_ID
}
