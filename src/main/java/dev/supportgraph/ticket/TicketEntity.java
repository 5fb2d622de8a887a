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

    /** The id of this ticket in another system, unique per kind where set (see TicketExternalIds). */
    @Column(name = "external_id")
    public String externalId;

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

    /** The ticket's category (ticket_category), or null. */
    @Column(name = "category_id")
    public Long categoryId;

    /** The resolution clock as the SLA job last wrote it (read-only here: Hibernate never writes it back). */
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_clock", insertable = false, updatable = false)
    public ResolutionClock resolutionClock;

    /** When a running resolution clock is due; null otherwise. */
    @Column(name = "resolution_due_at", insertable = false, updatable = false)
    public OffsetDateTime resolutionDueAt;

    /** The resolution target was missed when the SLA job last wrote the clock. */
    @Column(name = "resolution_breached", insertable = false, updatable = false)
    public boolean resolutionBreached;

    /** {@link #resolutionDueAt}, or far in the future without a running clock: the SLA_DUE sort key. */
    @Column(name = "resolution_due_order", insertable = false, updatable = false)
    public OffsetDateTime resolutionDueOrder;

    /** The customer the ticket belongs to; null for troubles, which span customers. */
    public Long customerKey() {
        return null;
    }
}
