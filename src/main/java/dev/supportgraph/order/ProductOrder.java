package dev.supportgraph.order;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.OffsetDateTime;

/** A customer's order for products (TMF622 ProductOrder). */
@Entity
@Table(name = "product_order")
public class ProductOrder extends ExternallyKeyed {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    /** Assigned by the database sequence (PO-00000001). */
    @Generated
    @Column(nullable = false, insertable = false, updatable = false)
    public String number;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    /** 0 (highest) to 4 (lowest), as in TMF622. */
    @Column(nullable = false)
    public int priority;

    @Column(name = "order_date", nullable = false)
    public OffsetDateTime orderDate;

    @Column(name = "requested_start_date")
    public OffsetDateTime requestedStartDate;

    @Column(name = "requested_completion_date")
    public OffsetDateTime requestedCompletionDate;

    @Column(name = "expected_completion_date")
    public OffsetDateTime expectedCompletionDate;

    @Column(name = "completion_date")
    public OffsetDateTime completionDate;

    @Column(name = "state_reason")
    public String stateReason;
}
