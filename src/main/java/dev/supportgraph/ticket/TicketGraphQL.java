package dev.supportgraph.ticket;

import dev.supportgraph.agent.AgentType;
import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.category.TicketCategoryType;
import dev.supportgraph.agent.WorkGroupService;
import dev.supportgraph.agent.WorkGroupType;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * The fields every ticket has. Declared once on the interface: SmallRye adds {@code @Source}
 * fields of an interface to each implementing type, with one batch per concrete type.
 */
@GraphQLApi
@Authenticated
public class TicketGraphQL {

    @Inject
    TicketService service;

    @Inject
    WorkGroupService workGroups;

    @Inject
    TicketCategoryService categories;

    @Description("Notes, oldest first. Portal customers see only PUBLIC notes.")
    @JoinedBy(parentKey = "e." + JoinedBy.PARENT + "Id", orderBy = "e.id")
    public List<@NonNull List<@NonNull NoteType>> notes(@Source List<Ticket> tickets) {
        return service.notes(tickets);
    }

    @Description("Every recorded field change (assignment, escalation, edits of title, description, priority, severity, urgency), oldest first. Staff only: empty for portal customers.")
    @JoinedBy(parentKey = "e." + JoinedBy.PARENT + "Id", orderBy = "e.id")
    public List<@NonNull List<@NonNull TicketFieldChangeType>> fieldChanges(@Source List<Ticket> tickets) {
        return service.fieldChanges(tickets);
    }

    @Description("The agent working on the ticket; null when unassigned, and always for portal customers.")
    public List<AgentType> assignee(@Source List<Ticket> tickets) {
        return Batch.one(tickets, Ticket::assigneeKey, workGroups::agentsByIds);
    }

    @Description("The work group (queue) the ticket is routed to; null when none, and always for portal customers.")
    public List<WorkGroupType> workGroup(@Source List<Ticket> tickets) {
        return Batch.one(tickets, Ticket::workGroupKey, workGroups::workGroupsByIds);
    }

    @Description("The ticket's category (TMF621 ticketType); null when none.")
    public List<TicketCategoryType> category(@Source List<Ticket> tickets) {
        return Batch.one(tickets, Ticket::categoryKey, categories::byIds);
    }

    @Description("Every status change, oldest first.")
    @JoinedBy(parentKey = "e." + JoinedBy.PARENT + "Id", orderBy = "e.id")
    public List<@NonNull List<@NonNull StatusChangeType>> statusHistory(@Source List<Ticket> tickets) {
        return service.statusHistory(tickets);
    }
}
