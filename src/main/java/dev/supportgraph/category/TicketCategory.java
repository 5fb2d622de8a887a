package dev.supportgraph.category;

import dev.supportgraph.graph.CustomerSees;
import dev.supportgraph.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A ticket category (TMF621 ticketType): reference data, deactivated rather than deleted. */
@Entity
@Table(name = "ticket_category")
@CustomerSees(CustomerSees.ALL)
public class TicketCategory extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean active;
}
