package dev.supportgraph.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A credit on an invoice, e.g. an SLA compensation granted for a problem report. */
@Entity
public class Adjustment extends InvoicePart {

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public String reason;

    @Column(name = "problem_report_id")
    public Long problemReportId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
