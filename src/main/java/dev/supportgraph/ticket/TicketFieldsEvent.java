package dev.supportgraph.ticket;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Name("TicketFieldsEvent")
@Description("Fields of a ticket were edited (triage: title, description, priority, severity, urgency, category).")
public record TicketFieldsEvent(
        @Ignore long ticketKey,
        @NonNull @Id @Description("Increases with every event; pass it as after: to resume behind this event.") String eventId,
        @NonNull @Description("The ticket's kind.") TicketKind kind,
        @NonNull @Id @Description("The ticket's global id.") String ticketId,
        @NonNull @Description("The ticket's number.") String number,
        @NonNull @Description("The fields that changed, with their values as fieldChanges shows them.") List<@NonNull TicketFieldValueChange> changes,
        @Description("Why, as given for the history (staff only: null for portal users).") String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When.") OffsetDateTime occurredAt) {

    @Name("TicketFieldValueChange")
    @Description("One edited field of a ticket event.")
    public record TicketFieldValueChange(@NonNull TicketField field, @Description("The value before.") String previousValue,
                                         @Description("The value now.") String value) {
    }

    /** As staff receive it. */
    public static TicketFieldsEvent of(OutboxEvent event) {
        return of(event, event.payload().getString("reason"));
    }

    /** As a portal user receives it: the reason is written for staff's history, which portal users never see. */
    public static TicketFieldsEvent forCustomer(OutboxEvent event) {
        return of(event, null);
    }

    private static TicketFieldsEvent of(OutboxEvent event, String reason) {
        TicketKind kind = TicketKind.valueOf(event.aggregate());
        JsonObject p = event.payload();
        List<TicketFieldValueChange> changes = p.getJsonArray("changes").stream().map(JsonObject.class::cast)
                .map(c -> new TicketFieldValueChange(TicketField.valueOf(c.getString("field")), c.getString("from"), c.getString("to")))
                .toList();
        return new TicketFieldsEvent(event.aggregateId(), EventId.encode(event.id()), kind, GlobalId.encode(kind.nodeType, event.aggregateId()),
                p.getString("number"), changes, reason, p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }
}
