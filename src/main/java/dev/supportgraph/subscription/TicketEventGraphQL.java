package dev.supportgraph.subscription;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Nodes;
import dev.supportgraph.ticket.Ticket;
import dev.supportgraph.ticket.TicketFieldsEvent;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketQueueEvent;
import dev.supportgraph.ticket.TicketQueueFilter;
import dev.supportgraph.ticket.TicketStatus;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Field-edit and queue subscriptions; authentication is checked by the service (see EventGraphQL why). */
@GraphQLApi
public class TicketEventGraphQL {

    @Inject
    TicketEventSubscriptions subscriptions;

    @Inject
    Nodes nodes;

    @Subscription
    @Description("Field edits (triage) of the tickets matching the filter, as they commit: staff see all tickets, a portal user "
            + "the problem reports of their own customer (without the history's reason); after: replays from an eventId as for "
            + "ticketStatusChanged.")
    public Multi<TicketFieldsEvent> ticketFieldsChanged(TicketEventFilter filter, String after) {
        return subscriptions.fieldsChanged(filter, after);
    }

    @Subscription
    @Description("A live work queue: the tickets entering, leaving or changing in the queue the arguments describe (as the "
            + "ticket lists' queue, kinds and status filters), through status changes, assignments, escalations, field edits "
            + "and the SLA job moving their clocks. Staff only: portal users receive nothing. after: replays from an eventId "
            + "as for ticketStatusChanged.")
    public Multi<TicketQueueEvent> ticketQueueChanged(
            @NonNull @Description("The queue's conditions, as in the ticket lists' filter.queue.") TicketQueueFilter queue,
            @Description("Only tickets of these kinds; all when null.") List<TicketKind> kinds,
            @Description("Only tickets in these statuses; all when null.") List<TicketStatus> status,
            @Description("Replay the events behind this eventId first.") String after) {
        return subscriptions.queueChanged(queue, kinds, status, after);
    }

    @Name("ticket")
    @Authenticated
    @Description("The ticket as it is now (it may have changed again since the event); null if it is not visible.")
    public List<Ticket> fieldsTicket(@Source List<TicketFieldsEvent> events) {
        return load(events.stream().map(e -> new GlobalId(e.kind().nodeType, e.ticketKey())).toList());
    }

    @Name("ticket")
    @Authenticated
    @Description("The ticket as it is now (it may have changed again since the event); null if it is not visible.")
    public List<Ticket> queueTicket(@Source List<TicketQueueEvent> events) {
        return load(events.stream().map(e -> new GlobalId(e.kind().nodeType, e.ticketKey())).toList());
    }

    private List<Ticket> load(List<GlobalId> ids) {
        return nodes.load(ids).stream().map(Ticket.class::cast).toList();
    }
}
