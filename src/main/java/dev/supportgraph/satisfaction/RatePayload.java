package dev.supportgraph.satisfaction;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ProblemReportRatePayload")
public record RatePayload(SatisfactionRatingType rating, @NonNull List<@NonNull UserError> userErrors) {

    static RatePayload failed(List<UserError> errors) {
        return new RatePayload(null, errors);
    }
}
