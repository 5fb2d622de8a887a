package dev.supportgraph.resourcetrouble;

import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the resource trouble mutations. */
public final class ResourceTroubleInputs {

    private ResourceTroubleInputs() {
    }

    @Input("ResourceTroubleCreateInput")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @NonNull String title,
            String description,
            @NonNull @Id String resourceId,
            @NonNull TicketSeverity severity,
            @NonNull TicketPriority priority,
            @NonNull PerceivedSeverity perceivedSeverity,
            String probableCause) {
    }

    @Input("ResourceTroubleLocalizeInput")
    public record Localize(@NonNull @Id String id, int expectedVersion, @NonNull String localization) {
    }
}
