package dev.supportgraph.servicetrouble;

import dev.supportgraph.persistence.LinkRow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A service trouble (from) caused by a resource trouble (to). */
@Entity
@Table(name = "service_trouble_resource_trouble")
@AttributeOverride(name = "fromId", column = @Column(name = "service_trouble_id"))
@AttributeOverride(name = "toId", column = @Column(name = "resource_trouble_id"))
public class ServiceTroubleResourceTrouble extends LinkRow {
}
