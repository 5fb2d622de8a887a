package dev.supportgraph.problem;

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

@Name("ProblemReport")
@Description("A customer's trouble ticket (TMF621).")
public record ProblemReportType(
        @Ignore long key,
        @Ignore long customerKey,
        @Ignore Long reportedByKey,
        @Ignore Long relatedOrderKey,
        @Ignore Long relatedServiceKey,
        @Ignore Long relatedInvoiceKey,
        @NonNull String number,
        @NonNull String title,
        @NonNull String description,
        @NonNull TicketStatus status,
        @NonNull TicketPriority priority,
        @NonNull TicketSeverity severity,
        @Description("How the report reached us.") @NonNull ProblemChannel channel,
        @Description("How urgent the reporter said it is (their words); null for reports made before urgency was asked. Priority and severity are set by staff.") TicketPriority urgency,
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

    public static final String TYPE = "ProblemReport";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    @Override
    public TicketKind kind() {
        return TicketKind.PROBLEM_REPORT;
    }

    static ProblemReportType of(ProblemReport p) {
        return new ProblemReportType(p.id, p.customerId, p.reportedById, p.relatedOrderId, p.relatedServiceId,
                p.relatedInvoiceId, p.number, p.title, p.description, p.status, p.priority, p.severity, p.channel, p.urgency,
                p.resolution, p.createdAt, p.updatedAt, p.resolvedAt, p.closedAt, (int) p.version, p.assigneeId, p.workGroupId, p.categoryId, p.externalId);
    }
}
