package dev.supportgraph.servicetrouble;

import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A problem in a service, spanning customers (TMF656 ServiceProblem). */
@Entity
@Table(name = "service_trouble")
public class ServiceTrouble extends TicketEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceTroubleImpact impact;

    /** Same levels as priority; priority is derived from impact and urgency. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketPriority urgency;

    @Column(name = "root_cause")
    public String rootCause;

    /** The trouble this one was grouped under, if any. */
    @Column(name = "parent_id")
    public Long parentId;
}
