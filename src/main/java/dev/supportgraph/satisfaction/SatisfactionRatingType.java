package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Description;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("SatisfactionRating")
@Description("A customer's rating of how a problem report was handled.")
public record SatisfactionRatingType(@Ignore long problemReportKey, @Description("Score from 1 (very unhappy) to 5 (very happy).") int score, String comment, @NonNull OffsetDateTime createdAt) {
}
