package dev.supportgraph.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One charge on an invoice, optionally tracing back to the order (item) it bills. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends InvoicePart {

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal unitAmount;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "order_item_id")
    public Long orderItemId;
}
