package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("SatisfactionSummary")
@Description("Customer satisfaction ratings summed up: their mean score and count.")
public record SatisfactionSummary(@Description("Mean score, null without responses.") Double average, @Description("Number of ratings.") int responses) {

    static final SatisfactionSummary NONE = new SatisfactionSummary(null, 0);
}
