package dev.supportgraph.billing;

import org.eclipse.microprofile.graphql.Description;

@Description("How a payment was made.")
public enum PaymentMethod {
    @Description("Credit or debit card.")
    CARD,
    @Description("Bank transfer initiated by the customer.")
    BANK_TRANSFER,
    @Description("Direct debit collected by us.")
    DIRECT_DEBIT,
    @Description("Cash, e.g. at a shop.")
    CASH
}
