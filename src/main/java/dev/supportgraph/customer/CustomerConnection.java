package dev.supportgraph.customer;

import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record CustomerConnection(@NonNull List<@NonNull CustomerEdge> edges, @NonNull PageInfo pageInfo,
                                 Integer totalCount) {

    public record CustomerEdge(@NonNull String cursor, @NonNull CustomerType node) {
    }
}
