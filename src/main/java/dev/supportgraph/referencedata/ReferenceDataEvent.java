package dev.supportgraph.referencedata;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("ReferenceDataEvent")
@Description("A customer, contact, service or resource was created, changed, deactivated, or (services) linked to a resource.")
public record ReferenceDataEvent(
        @NonNull @Id @Description("Increases with every event (compare as strings); pass it as after: to resume behind this event.") String eventId,
        @NonNull @Description("The type of the object that changed.") ExternalType type,
        @NonNull @Id @Description("The object's global id.") String nodeId,
        @Description("The object's externalId; null if it has none.") String externalId,
        @NonNull @Description("What happened.") ReferenceChange change,
        @Id @Description("For RESOURCE_LINKED and RESOURCE_UNLINKED: the resource's global id; otherwise null.") String relatedId,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When the change was made.") OffsetDateTime occurredAt) {

    static ReferenceDataEvent of(OutboxEvent event) {
        ExternalType type = ExternalType.ofEvent(event.type());
        JsonObject p = event.payload();
        Long related = p.getLong("resourceId");
        return new ReferenceDataEvent(EventId.encode(event.id()), type, GlobalId.encode(type.nodeType, event.aggregateId()),
                p.getString("externalId"), ReferenceChange.valueOf(p.getString("change")),
                related == null ? null : GlobalId.encode(ExternalType.RESOURCE.nodeType, related), p.getString("actor"),
                OffsetDateTime.parse(p.getString("at")));
    }
}
