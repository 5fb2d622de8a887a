package dev.supportgraph.billing;

public enum PaymentMethod {
    CARD, BANK_TRANSFER, DIRECT_DEBIT, CASH
}
