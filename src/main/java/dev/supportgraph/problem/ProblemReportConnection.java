package dev.supportgraph.problem;

import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record ProblemReportConnection(@NonNull List<@NonNull ProblemReportEdge> edges, @NonNull PageInfo pageInfo,
                                      Integer totalCount) {

    static ProblemReportConnection of(Page<ProblemReportType> page, Integer totalCount) {
        return new ProblemReportConnection(page.edges(ProblemReportEdge::new), page.pageInfo(), totalCount);
    }

    public record ProblemReportEdge(@NonNull String cursor, @NonNull ProblemReportType node) {
    }
}
