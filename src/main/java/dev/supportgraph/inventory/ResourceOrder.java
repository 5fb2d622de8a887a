package dev.supportgraph.inventory;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResourceOrder")
public record ResourceOrder(@NonNull ResourceOrderField field, @NonNull OrderDirection direction)
        implements Ordering<Resource> {

    @Override
    public SortKey<Resource> sortKey() {
        return field.key;
    }
}
