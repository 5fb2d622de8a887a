package dev.supportgraph.inventory;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ServiceOrder")
public record ServiceOrder(@NonNull ServiceOrderField field, @NonNull OrderDirection direction)
        implements Ordering<ServiceInstance> {

    @Override
    public SortKey<ServiceInstance> sortKey() {
        return field.key;
    }
}
