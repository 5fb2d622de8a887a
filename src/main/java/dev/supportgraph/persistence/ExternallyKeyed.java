package dev.supportgraph.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** An aggregate a system of record owns: it names it by its own key, unique per type where set. */
@MappedSuperclass
public abstract class ExternallyKeyed extends TrackedEntity {

    @Column(name = "external_id")
    public String externalId;
}
