package dev.supportgraph.ticket;

import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Description;

import java.util.function.Function;

/** What ticket lists can be ordered by; the same keys serve all three ticket kinds. */
public enum TicketOrderField {
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, t -> t.createdAt),
    UPDATED_AT("e.updatedAt", SortKey.TIMESTAMP, t -> t.updatedAt),
    /** Most urgent first when ascending: the enum's declaration order, not the text. */
    PRIORITY("case e.priority when dev.supportgraph.ticket.TicketPriority.CRITICAL then 0"
            + " when dev.supportgraph.ticket.TicketPriority.HIGH then 1"
            + " when dev.supportgraph.ticket.TicketPriority.MEDIUM then 2 else 3 end",
            SortKey.INTEGER, t -> t.priority.ordinal()),
    NUMBER("e.number", SortKey.TEXT, t -> t.number),
    /**
     * The resolution due time as the SLA job stored it (docs/agent-work.md): soonest first when
     * ascending; tickets without a running clock (paused, stopped, no policy) after all others.
     */
    @Description("Sort by the SLA resolution due time; tickets without a running clock (paused, stopped, no policy) come after all due ones when ascending.")
    SLA_DUE("e.resolutionDueOrder", SortKey.TIMESTAMP, t -> t.resolutionDueOrder);

    public final SortKey<TicketEntity> key;

    TicketOrderField(String path, Function<String, ?> parser, Function<TicketEntity, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
