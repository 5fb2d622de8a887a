package dev.supportgraph.satisfaction;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.problem.ProblemReportType;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;

/** Customer satisfaction with resolved problems (eTOM Retention and Loyalty). */
@GraphQLApi
@Authenticated
public class SatisfactionGraphQL {

    @Inject
    SatisfactionService service;

    @Mutation
    @Description("The portal customer rates the resolution of their closed problem report, once (score 1-5, optional comment).")
    public @NonNull RatePayload problemReportRate(@NonNull RateInput input) {
        return Mutations.run(() -> new RatePayload(service.rate(input), List.of()), RatePayload::failed);
    }

    @Description("The customer's rating of the resolution, once given.")
    public List<SatisfactionRatingType> satisfactionRating(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::key, service::ratings);
    }

    @Description("Average rating of the customer's closed problem reports.")
    public List<@NonNull SatisfactionSummary> satisfaction(@Source List<CustomerType> customers) {
        Map<Long, SatisfactionSummary> found = service.byCustomers(customers.stream().map(CustomerType::key).distinct().toList());
        return customers.stream().map(c -> found.getOrDefault(c.key(), SatisfactionSummary.NONE)).toList();
    }

    @Query
    @Description("Average rating per customer segment (staff only; empty for portal customers).")
    public @NonNull List<@NonNull SegmentSatisfaction> satisfactionBySegment() {
        return service.bySegment();
    }
}
