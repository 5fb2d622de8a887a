package dev.supportgraph.order;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrderOrder")
public record OrderOrder(@NonNull OrderOrderField field, @NonNull OrderDirection direction) {
}
