package dev.supportgraph.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Money received against an invoice (TMF676 Payment). */
@Entity
public class Payment extends InvoicePart {

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;

    public String reference;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;
}
