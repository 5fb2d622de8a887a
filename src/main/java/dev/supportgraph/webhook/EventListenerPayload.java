package dev.supportgraph.webhook;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("EventListenerPayload")
@Description("The result of an event listener mutation.")
public record EventListenerPayload(
        @Description("The listener as changed (as it was, for a delete); null when userErrors is not empty.") EventListenerType eventListener,
        @Description("The signing secret: returned by eventListenerRegister only (and by its idempotent retries), null otherwise.") String secret,
        @Description("Dead-lettered deliveries put back to be sent (eventListenerReplay), null otherwise.") Integer replayed,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    static EventListenerPayload ok(EventListenerType listener) {
        return new EventListenerPayload(listener, null, null, List.of());
    }

    static EventListenerPayload failed(List<UserError> errors) {
        return new EventListenerPayload(null, null, null, errors);
    }
}
