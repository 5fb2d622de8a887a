package dev.supportgraph.problem;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ProblemReportPayload")
public record ProblemReportPayload(ProblemReportType problemReport, @NonNull List<@NonNull UserError> userErrors) {

    static ProblemReportPayload ok(ProblemReportType report) {
        return new ProblemReportPayload(report, List.of());
    }

    static ProblemReportPayload failed(List<UserError> errors) {
        return new ProblemReportPayload(null, errors);
    }
}
