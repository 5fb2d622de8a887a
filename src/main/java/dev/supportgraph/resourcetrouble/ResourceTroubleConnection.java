package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record ResourceTroubleConnection(@NonNull List<@NonNull ResourceTroubleEdge> edges, @NonNull PageInfo pageInfo,
                                        Integer totalCount) {

    static ResourceTroubleConnection of(Page<ResourceTroubleType> page, Integer totalCount) {
        return new ResourceTroubleConnection(page.edges(ResourceTroubleEdge::new), page.pageInfo(), totalCount);
    }

    public record ResourceTroubleEdge(@NonNull String cursor, @NonNull ResourceTroubleType node) {
    }
}
