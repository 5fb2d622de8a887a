package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("SatisfactionRating")
public record SatisfactionRatingType(@Ignore long problemReportKey, int score, String comment, @NonNull OffsetDateTime createdAt) {
}
