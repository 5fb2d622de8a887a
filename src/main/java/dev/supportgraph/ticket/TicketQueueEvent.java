package dev.supportgraph.ticket;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Name("TicketQueueEvent")
@Description("A ticket entered, left or changed in the queue of a ticketQueueChanged subscription.")
public record TicketQueueEvent(
        @Ignore long ticketKey,
        @NonNull @Id @Description("Increases with every event; pass it as after: to resume behind this event.") String eventId,
        @NonNull @Description("The ticket's kind.") TicketKind kind,
        @NonNull @Id @Description("The ticket's global id.") String ticketId,
        @NonNull @Description("The ticket's number.") String number,
        @NonNull @Description("Entered, left or changed in the queue.") TicketQueueChange change,
        @NonNull @Description("What kind of change it was.") TicketQueueCause cause,
        @Description("Who made the change; null for the SLA job.") String actor,
        @NonNull @Description("When.") OffsetDateTime occurredAt) {

    /**
     * One shared mapper per change: every subscriber that sees an event enter its queue receives
     * the same object (and rendering), whatever its queue.
     */
    public static final Map<TicketQueueChange, Function<OutboxEvent, TicketQueueEvent>> MAPPERS = Arrays.stream(TicketQueueChange.values())
            .collect(Collectors.toUnmodifiableMap(c -> c, c -> event -> of(event, c)));

    private static TicketQueueEvent of(OutboxEvent event, TicketQueueChange change) {
        TicketKind kind = TicketKind.valueOf(event.aggregate());
        JsonObject p = event.payload();
        return new TicketQueueEvent(event.aggregateId(), EventId.encode(event.id()), kind, GlobalId.encode(kind.nodeType, event.aggregateId()),
                p.getString("number"), change, cause(event), p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }

    private static TicketQueueCause cause(OutboxEvent event) {
        return switch (EventType.valueOf(event.type())) {
            case TICKET_STATUS_CHANGED -> event.payload().getString("from") == null ? TicketQueueCause.CREATED : TicketQueueCause.STATUS;
            case TICKET_ASSIGNMENT_CHANGED -> TicketQueueCause.ASSIGNMENT;
            case TICKET_FIELDS_CHANGED -> TicketQueueCause.FIELDS;
            default -> TicketQueueCause.SLA;
        };
    }
}
