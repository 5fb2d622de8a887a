package dev.supportgraph.resourcetrouble;

import dev.supportgraph.ticket.TicketEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A fault of a network or IT resource (eTOM 5.8, TMF642 alarm view). */
@Entity
@Table(name = "resource_trouble")
public class ResourceTrouble extends TicketEntity {

    @Column(name = "resource_id", nullable = false)
    public long resourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "perceived_severity", nullable = false)
    public PerceivedSeverity perceivedSeverity;

    @Column(name = "probable_cause")
    public String probableCause;

    public String localization;
}
