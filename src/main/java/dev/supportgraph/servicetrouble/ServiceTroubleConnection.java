package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record ServiceTroubleConnection(@NonNull List<@NonNull ServiceTroubleEdge> edges, @NonNull PageInfo pageInfo,
                                       Integer totalCount) {

    static ServiceTroubleConnection of(Page<ServiceTroubleType> page, Integer totalCount) {
        return new ServiceTroubleConnection(page.edges(ServiceTroubleEdge::new), page.pageInfo(), totalCount);
    }

    public record ServiceTroubleEdge(@NonNull String cursor, @NonNull ServiceTroubleType node) {
    }
}
