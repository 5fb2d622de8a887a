package dev.supportgraph.servicetrouble;

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

@Name("ServiceTrouble")
@Description("A problem in a service, possibly affecting many customers (TMF656 ServiceProblem). Staff only.")
public record ServiceTroubleType(
        @Ignore long key,
        @Ignore Long parentKey,
        @NonNull String number,
        @NonNull String title,
        @NonNull String description,
        @NonNull TicketStatus status,
        @NonNull TicketPriority priority,
        @NonNull TicketSeverity severity,
        @Description("How widely customers are affected.") @NonNull ServiceTroubleImpact impact,
        @Description("How soon it must be handled (TMF656 urgency).") @NonNull TicketPriority urgency,
        @Description("The diagnosed root cause; null until diagnosed.") String rootCause,
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

    public static final String TYPE = "ServiceTrouble";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    @Override
    public TicketKind kind() {
        return TicketKind.SERVICE_TROUBLE;
    }

    static ServiceTroubleType of(ServiceTrouble t) {
        return new ServiceTroubleType(t.id, t.parentId, t.number, t.title, t.description, t.status, t.priority,
                t.severity, t.impact, t.urgency, t.rootCause, t.resolution, t.createdAt, t.updatedAt, t.resolvedAt,
                t.closedAt, (int) t.version, t.assigneeId, t.workGroupId, t.categoryId, t.externalId);
    }
}
