package dev.supportgraph.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;

/**
 * A row of a many-to-many link table {@code a_b (a_id, b_id)}, mapped so that HQL can join
 * through it: {@link #fromId} is the first-named side's id, {@link #toId} the second's. A link
 * table is an entity of one line that names its table and the two columns
 * ({@code @AttributeOverride(name = "fromId", column = @Column(name = "a_id"))}, likewise {@code toId}).
 */
@MappedSuperclass
@IdClass(LinkRow.Key.class)
public abstract class LinkRow {

    @Id
    public long fromId;

    @Id
    public long toId;

    public record Key(long fromId, long toId) implements Serializable {
    }
}
