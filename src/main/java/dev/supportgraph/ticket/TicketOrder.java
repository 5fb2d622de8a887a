package dev.supportgraph.ticket;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TicketOrder")
public record TicketOrder(@NonNull TicketOrderField field, @NonNull OrderDirection direction) {

    /** Newest first unless the client says otherwise. */
    public static TicketOrder orDefault(TicketOrder order) {
        return order == null ? new TicketOrder(TicketOrderField.CREATED_AT, OrderDirection.DESC) : order;
    }

    public boolean descending() {
        return direction == OrderDirection.DESC;
    }
}
