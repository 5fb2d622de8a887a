package dev.supportgraph.inventory;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record ResourceConnection(@NonNull List<@NonNull ResourceEdge> edges, @NonNull PageInfo pageInfo,
                                 Integer totalCount) {

    static ResourceConnection of(Page<ResourceType> page, Integer totalCount) {
        return new ResourceConnection(page.edges(ResourceEdge::new), page.pageInfo(), totalCount);
    }

    public record ResourceEdge(@NonNull String cursor, @NonNull ResourceType node) {
    }
}
