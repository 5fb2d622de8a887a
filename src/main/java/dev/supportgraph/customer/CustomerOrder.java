package dev.supportgraph.customer;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CustomerOrder")
public record CustomerOrder(@NonNull CustomerOrderField field, @NonNull OrderDirection direction)
        implements Ordering<Customer> {

    @Override
    public SortKey<Customer> sortKey() {
        return field.key;
    }
}
