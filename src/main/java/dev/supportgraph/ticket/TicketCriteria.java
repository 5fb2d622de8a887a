package dev.supportgraph.ticket;

import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;

import java.time.OffsetDateTime;
import java.util.List;

/** The filter fields every ticket list has; each list's filter input implements this. */
public interface TicketCriteria {

    List<TicketStatus> status();

    List<TicketPriority> priority();

    List<TicketSeverity> severity();

    OffsetDateTime createdFrom();

    OffsetDateTime createdTo();

    OffsetDateTime updatedFrom();

    OffsetDateTime updatedTo();

    String search();

    TicketQueueFilter queue();

    /** Adds these conditions on a ticket entity aliased {@code e} for {@code caller}, SLA states judged in {@code sla}; a null criteria adds nothing. */
    static Where where(TicketCriteria criteria, Caller caller, SlaWindow sla) {
        Where where = new Where();
        if (criteria != null) {
            where.in("e.status", criteria.status())
                    .in("e.priority", criteria.priority())
                    .in("e.severity", criteria.severity())
                    .between("e.createdAt", criteria.createdFrom(), criteria.createdTo())
                    .between("e.updatedAt", criteria.updatedFrom(), criteria.updatedTo())
                    .search(criteria.search(), "e.title", "e.number");
            TicketQueueFilter.where(criteria.queue(), caller, sla, where);
        }
        return where;
    }
}
