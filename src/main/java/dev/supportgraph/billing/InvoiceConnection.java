package dev.supportgraph.billing;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record InvoiceConnection(@NonNull List<@NonNull InvoiceEdge> edges, @NonNull PageInfo pageInfo,
                                Integer totalCount) {

    static InvoiceConnection of(Page<InvoiceType> page, Integer totalCount) {
        return new InvoiceConnection(page.edges(InvoiceEdge::new), page.pageInfo(), totalCount);
    }

    public record InvoiceEdge(@NonNull String cursor, @NonNull InvoiceType node) {
    }
}
