package dev.supportgraph.customer;

import org.eclipse.microprofile.graphql.Description;

/** Lifecycle of a customer account (TMF629 status). */
@Description("Lifecycle of a customer account (TMF629 status).")
public enum CustomerStatus {
    @Description("Not a customer yet (a lead or an order in progress).")
    PROSPECTIVE,
    @Description("A customer with active services.")
    ACTIVE,
    @Description("Temporarily blocked, e.g. for unpaid bills.")
    SUSPENDED,
    @Description("No longer a customer.")
    INACTIVE
}
