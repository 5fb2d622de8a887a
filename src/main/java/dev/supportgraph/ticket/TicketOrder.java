package dev.supportgraph.ticket;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TicketOrder")
public record TicketOrder(@NonNull TicketOrderField field, @NonNull OrderDirection direction)
        implements Ordering<TicketEntity> {

    @Override
    public SortKey<TicketEntity> sortKey() {
        return field.key;
    }

    /** Newest first unless the client says otherwise. */
    public static TicketOrder orDefault(TicketOrder order) {
        return order == null ? new TicketOrder(TicketOrderField.CREATED_AT, OrderDirection.DESC) : order;
    }
}
