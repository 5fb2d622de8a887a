package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("TicketQueueChange")
@Description("What an event did to a ticket's place in a queue.")
public enum TicketQueueChange {
    @Description("The ticket was not in the queue before the event and is now.") ENTERED,
    @Description("The ticket was in the queue before the event and is not any more.") LEFT,
    @Description("The ticket was and still is in the queue, and changed.") CHANGED
}
