package dev.supportgraph.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("EventListenerFilter")
@Description("Narrows the event listeners list; all given conditions must hold.")
public record EventListenerFilter(
        @Description("Listeners in one of these states.") List<EventListenerState> state,
        @Description("Listeners receiving at least one of these event types.") List<WebhookEventType> eventType) {
}
