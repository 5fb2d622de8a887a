package dev.supportgraph.problem;

import dev.supportgraph.ticket.TicketInputs;
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
            @Description("The id of this ticket in another system, unique per kind: creating again with the same externalId and input returns the first ticket; another input is a userError.") String externalId,
            @Id @Description("Required for staff; portal users report for their own customer.") String customerId,
            @NonNull String title,
            String description,
            @Description("Staff only; default supportgraph.triage.default-severity.") TicketSeverity severity,
            @Description("Staff only; default: from the urgency (supportgraph.triage.priority-by-urgency). It selects the SLA policy.") TicketPriority priority,
            @Description("How urgent it is for the reporter; default supportgraph.triage.default-urgency.") TicketPriority urgency,
            @Description("Default: PORTAL for portal users, AGENT for staff.") ProblemChannel channel,
            @Id @Description("The customer's contact who reports it; required for portal users.") String reportedById,
            @Description("Global id of the product order the problem is about, if any.") @Id String relatedOrderId,
            @Description("Global id of the service the problem is about, if any.") @Id String relatedServiceId,
            @Description("Global id of the invoice the problem is about, if any.") @Id String relatedInvoiceId,
            @Id @Description("The ticket category (staff only; an active one).") String categoryId) {
    }

    @Input("ProblemReportUpdateInput")
    @Description("Edits a problem report; omitted fields stay. Portal users may edit title, description and urgency of their own reports; priority and severity are staff's.")
    public record Update(
            @NonNull @Id @Description("The problem report.") String id,
            @Description("The report's version as last read.") int expectedVersion,
            @Description("New title.") String title,
            @Description("New description.") String description,
            @Description("New priority (staff only); the SLA clock follows it.") TicketPriority priority,
            @Description("New severity (staff only).") TicketSeverity severity,
            @Description("New urgency as the reporter states it.") TicketPriority urgency,
            @Id @Description("New category (staff only; an active one).") String categoryId,
            @Description("Sets or changes the id of this ticket in another system (staff; unique per kind).") String externalId,
            @Description("Why, for the history.") String reason) implements TicketInputs.Edit {
    }

    @Input("ProblemReportIsolateInput")
    public record Isolate(@NonNull @Id String id, @Description("Global ids of the service troubles that cause the reported problem.") @NonNull @Id List<@NonNull String> serviceTroubleIds) {
    }
}
