package dev.supportgraph.ticket;

import dev.supportgraph.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.Generated;

import java.time.OffsetDateTime;

/** The columns every ticket table has; the number comes from the table's sequence default. */
@MappedSuperclass
public abstract class TicketEntity extends TrackedEntity {

    @Generated
    @Column(nullable = false, insertable = false, updatable = false)
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    public String resolution;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** The agent working on it (a member of {@link #workGroupId}), or null. */
    @Column(name = "assignee_id")
    public Long assigneeId;

    /** The work group (queue) it is routed to, or null. */
    @Column(name = "work_group_id")
    public Long workGroupId;

    /** The customer the ticket belongs to; null for troubles, which span customers. */
    public Long customerKey() {
        return null;
    }
}
