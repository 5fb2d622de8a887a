package dev.supportgraph.inventory;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A network or IT resource services run on (TMF639 Resource); shared by customers. */
@Entity
public class Resource extends ExternallyKeyed {

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String category;

    public String location;

    @Enumerated(EnumType.STRING)
    @Column(name = "operational_state", nullable = false)
    public OperationalState operationalState;
}
