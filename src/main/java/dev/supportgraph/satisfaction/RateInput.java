package dev.supportgraph.satisfaction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProblemReportRateInput")
public record RateInput(@NonNull @Id String id, @Description("1 (very dissatisfied) to 5 (very satisfied).") int score, String comment) {
}
