package dev.supportgraph.billing;

/** Lifecycle of an invoice (TMF678 CustomerBill state). */
public enum InvoiceState {
    NEW, VALIDATED, SENT, PARTIALLY_PAID, SETTLED, ON_HOLD
}
