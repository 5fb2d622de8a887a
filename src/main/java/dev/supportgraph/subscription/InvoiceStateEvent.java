package dev.supportgraph.subscription;

import dev.supportgraph.billing.InvoiceState;
import dev.supportgraph.billing.InvoiceType;
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

@Name("InvoiceStateEvent")
@Description("An invoice was created or changed state.")
public record InvoiceStateEvent(
        @Ignore long invoiceKey,
        @NonNull @Id @Description("Increases with every event (compare as strings); pass it as after: to resume behind this event.") String eventId,
        @NonNull @Id @Description("The invoice's global id.") String invoiceId,
        @Description("The invoice's number; null if it has none.") String number,
        @Description("The state before; null when the invoice was created.") InvoiceState previousState,
        @NonNull @Description("The state the invoice entered.") InvoiceState state,
        @Description("Why, as given with the change; null if none was given.") String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When the change was made.") OffsetDateTime occurredAt) {

    static InvoiceStateEvent of(OutboxEvent event) {
        JsonObject p = event.payload();
        String from = p.getString("from");
        return new InvoiceStateEvent(event.aggregateId(), EventId.encode(event.id()), GlobalId.encode(InvoiceType.TYPE, event.aggregateId()),
                p.getString("number"), from == null ? null : InvoiceState.valueOf(from), InvoiceState.valueOf(p.getString("to")),
                p.getString("reason"), p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }
}
