package dev.supportgraph.order;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrderOrder")
public record OrderOrder(@NonNull OrderOrderField field, @NonNull OrderDirection direction)
        implements Ordering<ProductOrder> {

    @Override
    public SortKey<ProductOrder> sortKey() {
        return field.key;
    }
}
