package dev.supportgraph.billing;

import dev.supportgraph.graph.CurrencyOf;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What lines, payments and adjustments share: they belong to one invoice and, like it, to one customer. */
@MappedSuperclass
@CurrencyOf(value = Invoice.class, key = "invoiceId")
public abstract class InvoicePart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    /** Copied from the invoice so the table can be distributed by customer. */
    @Column(name = "customer_id", nullable = false)
    public long customerId;
}
