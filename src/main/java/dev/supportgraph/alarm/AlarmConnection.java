package dev.supportgraph.alarm;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record AlarmConnection(@NonNull List<@NonNull AlarmEdge> edges, @NonNull PageInfo pageInfo, Integer totalCount) {

    static AlarmConnection of(Page<AlarmType> page, Integer totalCount) {
        return new AlarmConnection(page.edges(AlarmEdge::new), page.pageInfo(), totalCount);
    }

    public record AlarmEdge(@NonNull String cursor, @NonNull AlarmType node) {
    }
}
