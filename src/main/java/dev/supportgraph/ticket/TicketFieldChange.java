package dev.supportgraph.ticket;

import dev.supportgraph.graph.CustomerSees;
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

/** One changed field of a ticket: old and new value as shown, who and when; never edited. Staff only. */
@Entity
@CustomerSees(CustomerSees.NOTHING)
@Table(name = "ticket_field_change")
public class TicketFieldChange extends TicketOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketField field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketChangeAction action;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @CreationTimestamp
    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt;
}
