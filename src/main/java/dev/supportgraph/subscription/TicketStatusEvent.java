package dev.supportgraph.subscription;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketStatusEvent")
@Description("A ticket was created or changed status.")
public record TicketStatusEvent(
        @Ignore long ticketKey,
        @Ignore Long customerKey,
        @NonNull @Id @Description("Increases with every event (compare as strings); pass it as after: to resume behind this event.") String eventId,
        @Description("The kind of the ticket that changed.") @NonNull TicketKind kind,
        @NonNull @Id @Description("The ticket's global id.") String ticketId,
        @NonNull @Description("The ticket's number, e.g. PR-00000012.") String number,
        @Description("The status before; null when the ticket was created.") TicketStatus previousStatus,
        @NonNull TicketStatus status,
        String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull OffsetDateTime occurredAt) {

    static TicketStatusEvent of(OutboxEvent event) {
        TicketKind kind = TicketKind.valueOf(event.aggregate());
        JsonObject p = event.payload();
        String from = p.getString("from");
        return new TicketStatusEvent(event.aggregateId(), event.customerId(), EventId.encode(event.id()), kind,
                GlobalId.encode(kind.nodeType, event.aggregateId()), p.getString("number"),
                from == null ? null : TicketStatus.valueOf(from), TicketStatus.valueOf(p.getString("to")),
                p.getString("reason"), p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }
}
