package dev.supportgraph.inventory;

import dev.supportgraph.persistence.LinkRow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A service (from) runs on a resource (to), many-to-many. */
@Entity
@Table(name = "service_resource")
@AttributeOverride(name = "fromId", column = @Column(name = "service_id"))
@AttributeOverride(name = "toId", column = @Column(name = "resource_id"))
public class ServiceResource extends LinkRow {

    /** The link's paths ({@code l}), named by both lists' {@code @JoinedBy} and the reads that answer them. */
    public static final String SERVICE = "l.fromId";
    public static final String RESOURCE = "l.toId";
}
