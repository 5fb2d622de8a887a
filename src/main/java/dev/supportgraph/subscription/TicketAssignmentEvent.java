package dev.supportgraph.subscription;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.ticket.TicketChangeAction;
import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketAssignmentEvent")
@Description("A ticket was assigned, unassigned or escalated: its work group and/or assignee changed.")
public record TicketAssignmentEvent(
        @NonNull @Id @Description("Increases with every event; pass it as after: to resume behind this event.") String eventId,
        @NonNull @Description("The ticket's kind.") TicketKind kind,
        @NonNull @Id @Description("The ticket's global id.") String ticketId,
        @NonNull @Description("The ticket's number.") String number,
        @NonNull @Description("What changed the routing.") TicketChangeAction action,
        @Id @Description("The work group before.") String previousWorkGroupId,
        @Id @Description("The work group now; null when the ticket left every group.") String workGroupId,
        @Description("The work group's name now.") String workGroupName,
        @Id @Description("The assignee before.") String previousAssigneeId,
        @Id @Description("The assignee now; null when unassigned.") String assigneeId,
        @Description("The assignee's name now.") String assigneeName,
        @Description("Why (always given for escalations).") String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When.") OffsetDateTime occurredAt) {

    static TicketAssignmentEvent of(OutboxEvent event) {
        TicketKind kind = TicketKind.valueOf(event.aggregate());
        JsonObject p = event.payload();
        return new TicketAssignmentEvent(EventId.encode(event.id()), kind, GlobalId.encode(kind.nodeType, event.aggregateId()),
                p.getString("number"), TicketChangeAction.valueOf(p.getString("action")), p.getString("fromWorkGroupId"),
                p.getString("workGroupId"), p.getString("workGroup"), p.getString("fromAssigneeId"), p.getString("assigneeId"),
                p.getString("assignee"), p.getString("reason"), p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }
}
