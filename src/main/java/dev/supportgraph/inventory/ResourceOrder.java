package dev.supportgraph.inventory;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResourceOrder")
public record ResourceOrder(@NonNull ResourceOrderField field, @NonNull OrderDirection direction) {
}
