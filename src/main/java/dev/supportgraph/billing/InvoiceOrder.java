package dev.supportgraph.billing;

import dev.supportgraph.graph.OrderDirection;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InvoiceOrder")
public record InvoiceOrder(@NonNull InvoiceOrderField field, @NonNull OrderDirection direction) {
}
