package dev.supportgraph.resourcetrouble;

import dev.supportgraph.ticket.TicketInputs;
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
            @Description("The id of this ticket in another system, unique per kind: creating again with the same externalId and input returns the first ticket; another input is a userError.") String externalId,
            @NonNull String title,
            String description,
            @Description("Global id of the faulty resource.") @NonNull @Id String resourceId,
            @NonNull TicketSeverity severity,
            @NonNull TicketPriority priority,
            @Description("The alarm's view of the severity.") @NonNull PerceivedSeverity perceivedSeverity,
            @Description("What probably caused it, if known.") String probableCause,
            @Id @Description("The ticket category (an active one).") String categoryId) implements TicketInputs.Create {
    }

    @Input("ResourceTroubleLocalizeInput")
    public record Localize(@NonNull @Id String id, int expectedVersion, @Description("Where the fault was found, e.g. a port or card.") @NonNull String localization) {
    }
}
