package dev.supportgraph.customer;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CustomerOrder")
public record CustomerOrder(@NonNull CustomerOrderField field, @NonNull OrderDirection direction) {
}
