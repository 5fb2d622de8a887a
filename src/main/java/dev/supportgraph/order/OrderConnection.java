package dev.supportgraph.order;

import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record OrderConnection(@NonNull List<@NonNull OrderEdge> edges, @NonNull PageInfo pageInfo,
                              Integer totalCount) {

    public record OrderEdge(@NonNull String cursor, @NonNull ProductOrderType node) {
    }
}
