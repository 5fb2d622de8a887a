package dev.supportgraph.billing;

import org.eclipse.microprofile.graphql.Description;

/** Lifecycle of an invoice (TMF678 CustomerBill state). */
@Description("Lifecycle of an invoice (TMF678 CustomerBill state).")
public enum InvoiceState {
    @Description("Created, not checked yet.")
    NEW,
    @Description("Checked and ready to send.")
    VALIDATED,
    @Description("Sent to the customer, awaiting payment.")
    SENT,
    @Description("Paid in part.")
    PARTIALLY_PAID,
    @Description("Paid in full.")
    SETTLED,
    @Description("Held, e.g. while a dispute is open.")
    ON_HOLD
}
