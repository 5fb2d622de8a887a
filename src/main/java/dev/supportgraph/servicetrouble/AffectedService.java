package dev.supportgraph.servicetrouble;

import dev.supportgraph.persistence.LinkRow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A service trouble (from) affects a service (to). */
@Entity
@Table(name = "service_trouble_service")
@AttributeOverride(name = "fromId", column = @Column(name = "service_trouble_id"))
@AttributeOverride(name = "toId", column = @Column(name = "service_id"))
public class AffectedService extends LinkRow {

    /** The link's paths ({@code l}), named by both lists' {@code @JoinedBy} and the reads that answer them. */
    public static final String TROUBLE = "l.fromId";
    public static final String SERVICE = "l.toId";
}
