package dev.supportgraph.billing;

import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.SortKey;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InvoiceOrder")
public record InvoiceOrder(@NonNull InvoiceOrderField field, @NonNull OrderDirection direction)
        implements Ordering<Invoice> {

    @Override
    public SortKey<Invoice> sortKey() {
        return field.key;
    }
}
