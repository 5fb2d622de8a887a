package dev.supportgraph.inventory;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record ServiceConnection(@NonNull List<@NonNull ServiceEdge> edges, @NonNull PageInfo pageInfo,
                                Integer totalCount) {

    static ServiceConnection of(Page<ServiceType> page, Integer totalCount) {
        return new ServiceConnection(page.edges(ServiceEdge::new), page.pageInfo(), totalCount);
    }

    public record ServiceEdge(@NonNull String cursor, @NonNull ServiceType node) {
    }
}
