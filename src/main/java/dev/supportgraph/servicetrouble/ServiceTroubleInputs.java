package dev.supportgraph.servicetrouble;

import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Inputs of the service trouble mutations. */
public final class ServiceTroubleInputs {

    private ServiceTroubleInputs() {
    }

    @Input("ServiceTroubleCreateInput")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @Description("The id of this ticket in another system, unique per kind: creating again with the same externalId and input returns the first ticket; another input is a userError.") String externalId,
            @NonNull String title,
            String description,
            @NonNull TicketSeverity severity,
            @NonNull TicketPriority priority,
            @Description("How widely customers are affected.") @NonNull ServiceTroubleImpact impact,
            @Description("How soon it must be handled.") @NonNull TicketPriority urgency,
            @Id @Description("Problem reports this trouble is created from (they get linked).") List<String> problemReportIds,
            @Id @Description("The affected services.") List<String> affectedServiceIds,
            @Id @Description("The ticket category (an active one).") String categoryId) implements TicketInputs.Create {
    }

    @Input("ServiceTroubleDiagnoseInput")
    public record Diagnose(@NonNull @Id String id, int expectedVersion, @Description("The diagnosed root cause.") @NonNull String rootCause) {
    }

    @Input("ServiceTroubleGroupInput")
    public record Group(@NonNull @Id String id, int expectedVersion, @Id @Description("Null removes it from its parent.") String parentId) {
    }

    @Input("ServiceTroubleLinkInput")
    public record Link(@NonNull @Id String id, @Description("Global ids of the resource troubles that cause this service trouble.") @NonNull @Id List<@NonNull String> resourceTroubleIds) {
    }
}
