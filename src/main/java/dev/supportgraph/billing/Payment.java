package dev.supportgraph.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Money received against an invoice (TMF676 Payment). */
@Entity
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;

    public String reference;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;
}
