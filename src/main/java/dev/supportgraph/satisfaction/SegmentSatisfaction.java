package dev.supportgraph.satisfaction;

import dev.supportgraph.customer.CustomerSegment;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("SegmentSatisfaction")
public record SegmentSatisfaction(@NonNull CustomerSegment segment, double average, int responses) {
}
