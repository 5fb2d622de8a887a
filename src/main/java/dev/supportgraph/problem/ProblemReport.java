package dev.supportgraph.problem;

import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A customer's trouble ticket (TMF621 TroubleTicket). References are plain ids, resolved in batches. */
@Entity
@Table(name = "problem_report")
public class ProblemReport extends TicketEntity {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProblemChannel channel;

    /** How urgent the reporter says it is (their words); priority and severity are staff's. */
    @Enumerated(EnumType.STRING)
    public TicketPriority urgency;

    @Column(name = "reported_by_id")
    public Long reportedById;

    @Column(name = "related_order_id")
    public Long relatedOrderId;

    @Column(name = "related_service_id")
    public Long relatedServiceId;

    @Column(name = "related_invoice_id")
    public Long relatedInvoiceId;

    @Override
    public Long customerKey() {
        return customerId;
    }
}
