package dev.supportgraph.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Membership of an agent in a work group, mapped so HQL can join through it. */
@Entity
@Table(name = "work_group_member")
@IdClass(WorkGroupMember.Key.class)
public class WorkGroupMember {

    @Id
    @Column(name = "work_group_id")
    public long workGroupId;

    @Id
    @Column(name = "agent_id")
    public long agentId;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    public record Key(long workGroupId, long agentId) implements Serializable {
    }
}
