package dev.supportgraph.order;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record OrderConnection(@NonNull List<@NonNull OrderEdge> edges, @NonNull PageInfo pageInfo,
                              Integer totalCount) {

    static OrderConnection of(Page<ProductOrderType> page, Integer totalCount) {
        return new OrderConnection(page.edges(OrderEdge::new), page.pageInfo(), totalCount);
    }

    public record OrderEdge(@NonNull String cursor, @NonNull ProductOrderType node) {
    }
}
