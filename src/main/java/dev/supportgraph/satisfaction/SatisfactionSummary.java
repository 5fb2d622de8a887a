package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("SatisfactionSummary")
public record SatisfactionSummary(@Description("Mean score, null without responses.") Double average, int responses) {

    static final SatisfactionSummary NONE = new SatisfactionSummary(null, 0);
}
