package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.ticket.Ticket;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import dev.supportgraph.ticket.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("ResourceTrouble")
@Description("A fault of a network or IT resource, with its alarm view (eTOM 5.8, TMF642). Staff only.")
public record ResourceTroubleType(
        @Ignore long key,
        @Ignore long resourceKey,
        @NonNull String number,
        @NonNull String title,
        @NonNull String description,
        @NonNull TicketStatus status,
        @NonNull TicketPriority priority,
        @NonNull TicketSeverity severity,
        @Description("The alarm's view of the severity.") @NonNull PerceivedSeverity perceivedSeverity,
        @Description("What probably caused it, as reported by the alarm; null when unknown.") String probableCause,
        @Description("Where in the resource the fault is, e.g. a slot or port.") String localization,
        String resolution,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        int version,
        @Ignore Long assigneeKey,
        @Ignore Long workGroupKey,
        @Ignore Long categoryKey,
        String externalId) implements Ticket {

    public static final String TYPE = "ResourceTrouble";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    @Override
    public TicketKind kind() {
        return TicketKind.RESOURCE_TROUBLE;
    }

    static ResourceTroubleType of(ResourceTrouble t) {
        return new ResourceTroubleType(t.id, t.resourceId, t.number, t.title, t.description, t.status, t.priority,
                t.severity, t.perceivedSeverity, t.probableCause, t.localization, t.resolution, t.createdAt,
                t.updatedAt, t.resolvedAt, t.closedAt, (int) t.version, t.assigneeId, t.workGroupId, t.categoryId, t.externalId);
    }
}
