package dev.supportgraph.inventory;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ServiceOrder")
public record ServiceOrder(@NonNull ServiceOrderField field, @NonNull OrderDirection direction) {
}
