package dev.supportgraph.webhook;

import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record EventListenerConnection(@NonNull List<@NonNull EventListenerEdge> edges, @NonNull PageInfo pageInfo,
                                      Integer totalCount) {

    public record EventListenerEdge(@NonNull String cursor, @NonNull EventListenerType node) {
    }
}
