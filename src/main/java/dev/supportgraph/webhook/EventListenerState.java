package dev.supportgraph.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EventListenerState")
@Description("Whether a listener's deliveries are being sent.")
public enum EventListenerState {
    @Description("Deliveries are sent.")
    ACTIVE,
    @Description("Deliveries are queued, not sent, until the listener is resumed.")
    PAUSED
}
