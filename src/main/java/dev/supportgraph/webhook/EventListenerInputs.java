package dev.supportgraph.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Inputs of the event listener (webhook) mutations. */
public final class EventListenerInputs {

    private EventListenerInputs() {
    }

    @Input("EventListenerRegisterInput")
    @Description("A new webhook listener (TMF hub registration).")
    public record Register(
            @Description("Retrying with the same key and input returns the first result (with the same secret).") String idempotencyKey,
            @NonNull @Description("Where deliveries are POSTed: an absolute http(s) URL; private and loopback targets are refused unless the server allows them.") String callbackUrl,
            @NonNull @Description("The events to receive (at least one).") List<@NonNull WebhookEventType> eventTypes,
            @Id @Description("Only events of this customer. Portal users always receive only their own customer's events; staff receive all customers' when null.") String customerId) {
    }

    @Input("EventListenerChangeInput")
    @Description("A pause, resume, delete or replay of a listener.")
    public record Change(
            @NonNull @Id @Description("The listener.") String id,
            @Description("The listener's version as last read; the change fails with STALE_OBJECT if it moved.") int expectedVersion) {
    }
}
