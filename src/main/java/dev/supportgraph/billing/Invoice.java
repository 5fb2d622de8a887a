package dev.supportgraph.billing;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer's bill for a period (TMF678 CustomerBill); lines, payments and adjustments share its currency. */
@Entity
public class Invoice extends ExternallyKeyed {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    /** Assigned by the database sequence (INV-00000001). */
    @Generated
    @Column(nullable = false, insertable = false, updatable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceState state;

    @Column(name = "bill_date", nullable = false)
    public LocalDate billDate;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "payment_due_date", nullable = false)
    public LocalDate paymentDueDate;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "paid_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal paidAmount;

    @Column(name = "adjusted_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal adjustedAmount;
}
