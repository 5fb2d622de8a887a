package dev.supportgraph.billing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/** Inputs of the invoice mutations. */
public final class InvoiceInputs {

    private InvoiceInputs() {
    }

    @Input("InvoiceIssueInput")
    public record Issue(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @NonNull @Id @Description("Completed (or partially completed) orders of one customer; their completed items become the lines.")
            List<@NonNull String> orderIds,
            @Description("Default: today.") LocalDate billDate,
            @NonNull LocalDate periodStart,
            @NonNull LocalDate periodEnd,
            @NonNull LocalDate paymentDueDate) {
    }

    @Input("InvoiceTransitionInput")
    public record Transition(@NonNull @Id String id, int expectedVersion, @NonNull InvoiceState to, String reason) {
    }

    @Input("InvoicePaymentInput")
    public record Payment(
            @Description("Retrying with the same key and input records the payment once.") String idempotencyKey,
            @NonNull @Id String id,
            int expectedVersion,
            @NonNull @Description("Decimal amount in the invoice currency; at most the amount due.") String amount,
            @Description("How the customer paid.") @NonNull PaymentMethod method,
            @Description("Bank or card reference, if any.") String reference) {
    }

    @Input("InvoiceAdjustmentInput")
    public record Adjustment(
            @NonNull @Id String id,
            int expectedVersion,
            @NonNull @Description("Credit in the invoice currency; at most the amount due.") String amount,
            @NonNull String reason,
            @Id @Description("The problem report this credit compensates, if any (same customer).") String problemReportId) {
    }
}
