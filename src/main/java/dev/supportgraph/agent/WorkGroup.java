package dev.supportgraph.agent;

import dev.supportgraph.graph.CustomerSees;
import dev.supportgraph.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A work group (queue) tickets are routed to; staff only, portal users never see it. */
@Entity
@Table(name = "work_group")
@CustomerSees(CustomerSees.NOTHING)
public class WorkGroup extends TrackedEntity {

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;
}
