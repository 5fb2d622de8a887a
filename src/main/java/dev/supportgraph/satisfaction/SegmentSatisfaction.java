package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Description;

import dev.supportgraph.customer.CustomerSegment;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("SegmentSatisfaction")
@Description("Customer satisfaction of one customer segment.")
public record SegmentSatisfaction(@Description("The customer segment.") @NonNull CustomerSegment segment, @Description("Mean score, null without responses.") double average, @Description("Number of ratings.") int responses) {
}
