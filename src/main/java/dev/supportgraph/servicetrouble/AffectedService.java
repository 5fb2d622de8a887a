package dev.supportgraph.servicetrouble;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The link table service trouble <-> affected service, mapped so HQL can join through it. */
@Entity
@Table(name = "service_trouble_service")
@IdClass(AffectedService.Key.class)
public class AffectedService {

    /** The link's paths ({@code l}), named by both lists' {@code @JoinedBy} and the reads that answer them. */
    public static final String TROUBLE = "l.serviceTroubleId";
    public static final String SERVICE = "l.serviceId";

    @Id
    @Column(name = "service_trouble_id")
    public long serviceTroubleId;

    @Id
    @Column(name = "service_id")
    public long serviceId;

    public record Key(long serviceTroubleId, long serviceId) implements Serializable {
    }
}
