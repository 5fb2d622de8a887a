package dev.supportgraph.servicetrouble;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The link table service trouble <-> resource trouble, mapped so HQL can join through it. */
@Entity
@Table(name = "service_trouble_resource_trouble")
@IdClass(ServiceTroubleResourceTrouble.Key.class)
public class ServiceTroubleResourceTrouble {

    @Id
    @Column(name = "service_trouble_id")
    public long serviceTroubleId;

    @Id
    @Column(name = "resource_trouble_id")
    public long resourceTroubleId;

    public record Key(long serviceTroubleId, long resourceTroubleId) implements Serializable {
    }
}
