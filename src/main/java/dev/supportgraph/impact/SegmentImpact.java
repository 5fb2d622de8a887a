package dev.supportgraph.impact;

import org.eclipse.microprofile.graphql.Description;

import dev.supportgraph.customer.CustomerSegment;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("SegmentImpact")
@Description("How many customers of one segment a trouble affects.")
public record SegmentImpact(@Description("The customer segment.") @NonNull CustomerSegment segment, @Description("How many customers of the segment are affected.") int customers) {
}
