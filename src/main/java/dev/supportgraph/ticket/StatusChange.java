package dev.supportgraph.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.OffsetDateTime;

/** One recorded status transition of a ticket (the table also serves orders and invoices). */
@Entity
@Table(name = "status_change")
public class StatusChange extends TicketOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public TicketStatus toStatus;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @CreationTimestamp
    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt;
}
