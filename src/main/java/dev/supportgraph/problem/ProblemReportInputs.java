package dev.supportgraph.problem;

import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Inputs of the problem report mutations. */
public final class ProblemReportInputs {

    private ProblemReportInputs() {
    }

    @Input("ProblemReportCreateInput")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @Id @Description("Required for staff; portal users report for their own customer.") String customerId,
            @NonNull String title,
            String description,
            @NonNull TicketSeverity severity,
            @NonNull TicketPriority priority,
            @Description("Default: PORTAL for portal users, AGENT for staff.") ProblemChannel channel,
            @Id @Description("The customer's contact who reports it; required for portal users.") String reportedById,
            @Id String relatedOrderId,
            @Id String relatedServiceId,
            @Id String relatedInvoiceId) {
    }

    @Input("ProblemReportIsolateInput")
    public record Isolate(@NonNull @Id String id, @NonNull @Id List<@NonNull String> serviceTroubleIds) {
    }
}
