package dev.supportgraph.webhook;

import dev.supportgraph.graph.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Name("EventListener")
@Description("A webhook listener: where TM Forum events are delivered (signed, at least once, in order per resource; docs/webhooks.md).")
public record EventListenerType(
        @Ignore long key,
        @Ignore Long customerKey,
        @NonNull @Description("Where deliveries are POSTed.") String callbackUrl,
        @NonNull @Description("The events it receives.") List<@NonNull WebhookEventType> eventTypes,
        @NonNull @Description("ACTIVE, or PAUSED (deliveries are queued and sent after resume).") EventListenerState state,
        @Description("Deliveries waiting to be sent (or retried).") long pendingDeliveries,
        @Description("Deliveries given up after the dead-letter age; an admin can replay them.") long deadDeliveries,
        @NonNull @Description("When it was registered.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt,
        @Description("Optimistic-locking version.") int version) {

    public static final String TYPE = "EventListener";

    @NonNull
    @Id
    @Description("Global id.")
    public String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static EventListenerType of(EventListener l, long pending, long dead) {
        return new EventListenerType(l.id, l.customerId, l.callbackUrl,
                Arrays.stream(l.eventTypes).map(WebhookEventType::ofTmfName).toList(), EventListenerState.valueOf(l.state),
                pending, dead, l.createdAt, l.updatedAt, (int) l.version);
    }
}
