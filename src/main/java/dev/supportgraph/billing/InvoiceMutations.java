package dev.supportgraph.billing;

import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Billing mutations (TMF678); thin: InvoiceLifecycleService does the work. */
@GraphQLApi
@Authenticated
public class InvoiceMutations {

    @Inject
    InvoiceLifecycleService invoices;

    @Mutation
    @Description("Issues a NEW invoice for completed orders; one line per completed item, totals computed.")
    public @NonNull InvoicePayload invoiceIssue(@NonNull InvoiceInputs.Issue input) {
        return Mutations.run(() -> InvoicePayload.ok(invoices.issue(input)), InvoicePayload::failed);
    }

    @Mutation
    @Description("Validates, sends, holds or releases (to the state it was held in) an invoice.")
    public @NonNull InvoicePayload invoiceTransition(@NonNull InvoiceInputs.Transition input) {
        return Mutations.run(() -> InvoicePayload.ok(invoices.transition(input)), InvoicePayload::failed);
    }

    @Mutation
    @Description("Records a payment on a sent invoice; it becomes PARTIALLY_PAID or SETTLED. Overpayment is refused.")
    public @NonNull InvoicePayload invoiceRecordPayment(@NonNull InvoiceInputs.Payment input) {
        return Mutations.run(() -> InvoicePayload.ok(invoices.recordPayment(input)), InvoicePayload::failed);
    }

    @Mutation
    @Description("Credits an invoice (with a reason, optionally for a problem report); at most the amount due.")
    public @NonNull InvoicePayload invoiceApplyAdjustment(@NonNull InvoiceInputs.Adjustment input) {
        return Mutations.run(() -> InvoicePayload.ok(invoices.applyAdjustment(input)), InvoicePayload::failed);
    }
}
