package dev.supportgraph.impact;

import dev.supportgraph.customer.CustomerSegment;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("SegmentImpact")
public record SegmentImpact(@NonNull CustomerSegment segment, int customers) {
}
