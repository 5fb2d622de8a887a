package dev.supportgraph.subscription;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.order.OrderState;
import dev.supportgraph.order.ProductOrderType;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("OrderStateEvent")
@Description("A product order was created or changed state.")
public record OrderStateEvent(
        @Ignore long orderKey,
        @NonNull @Id @Description("Increases with every event (compare as strings); pass it as after: to resume behind this event.") String eventId,
        @NonNull @Id @Description("The order's global id.") String orderId,
        @Description("The order's number; null if it has none.") String number,
        @Description("The state before; null when the order was created.") OrderState previousState,
        @NonNull @Description("The state the order entered.") OrderState state,
        @Description("Why, as given with the change; null if none was given.") String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When the change was made.") OffsetDateTime occurredAt) {

    static OrderStateEvent of(OutboxEvent event) {
        JsonObject p = event.payload();
        String from = p.getString("from");
        return new OrderStateEvent(event.aggregateId(), EventId.encode(event.id()), GlobalId.encode(ProductOrderType.TYPE, event.aggregateId()),
                p.getString("number"), from == null ? null : OrderState.valueOf(from), OrderState.valueOf(p.getString("to")),
                p.getString("reason"), p.getString("actor"), OffsetDateTime.parse(p.getString("at")));
    }
}
