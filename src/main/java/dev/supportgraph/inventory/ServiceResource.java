package dev.supportgraph.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A service runs on a resource (many-to-many); mapped so both directions load with one HQL join. */
@Entity
@Table(name = "service_resource")
@IdClass(ServiceResource.Key.class)
public class ServiceResource {

    /** The link's paths ({@code l}), named by both lists' {@code @JoinedBy} and the reads that answer them. */
    public static final String SERVICE = "l.serviceId";
    public static final String RESOURCE = "l.resourceId";

    @Id
    @Column(name = "service_id")
    public long serviceId;

    @Id
    @Column(name = "resource_id")
    public long resourceId;

    public record Key(long serviceId, long resourceId) implements Serializable {
    }
}
