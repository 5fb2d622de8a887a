package dev.supportgraph.sla;

import dev.supportgraph.billing.AdjustmentType;
import dev.supportgraph.billing.BillingService;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.Node;
import dev.supportgraph.problem.ProblemReportService;
import dev.supportgraph.problem.ProblemReportType;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.stream.Collectors;

/** SLA policies, each problem report's clock and credits, and the way from a credit back to its report. */
@GraphQLApi
@Authenticated
public class SlaGraphQL {

    @Inject
    SlaPolicyLifecycle policies;

    @Inject
    SlaService service;

    @Inject
    BillingService billing;

    @Inject
    ProblemReportService problemReports;

    @Query
    @Description("The SLA policies in force (or every version), by segment, priority and version.")
    public @NonNull List<@NonNull SlaPolicyType> slaPolicies(
            @DefaultValue("false") @Description("Include the versions that were replaced.") boolean includeHistory) {
        return service.policies(includeHistory);
    }

    @Mutation
    @Description("Changes an SLA policy (admin): makes its next version, which tickets created from now on run on; tickets created before keep theirs.")
    public @NonNull SlaPolicyPayload slaPolicyUpdate(@NonNull SlaPolicyUpdateInput input) {
        return Mutations.run(() -> SlaPolicyPayload.ok(policies.update(input)), SlaPolicyPayload::failed);
    }

    @Mutation
    @Description("Makes a policy for the tickets of one category in a segment and priority (admin), starting as a copy of the "
            + "default policy in force for them; tickets of the category created from now on run on it, the others on the default.")
    public @NonNull SlaPolicyPayload slaPolicyCreate(@NonNull SlaPolicyCreateInput input) {
        return Mutations.run(() -> SlaPolicyPayload.ok(policies.create(input)), SlaPolicyPayload::failed);
    }

    @Description("The SLA clock under the policy of the customer's segment and the report's priority.")
    public List<SlaClockType> sla(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::key, keys -> service.clocks(SlaSubject.PROBLEM_REPORT, keys));
    }

    @Name("sla")
    @Description("The SLA clock under the policy of the most demanding segment among the affected services' customers and the "
            + "trouble's priority; null without affected services. Informational: events and credits follow problem reports.")
    public List<SlaClockType> serviceTroubleSla(@Source List<ServiceTroubleType> troubles) {
        return Batch.one(troubles, ServiceTroubleType::key, keys -> service.clocks(SlaSubject.SERVICE_TROUBLE, keys));
    }

    @Description("Credits earned by breaches of this report's SLA, oldest first.")
    public List<@NonNull List<@NonNull ServiceCreditType>> serviceCredits(@Source List<ProblemReportType> reports) {
        return Batch.many(reports, ProblemReportType::key, service::creditsByProblemReports);
    }

    @Description("The invoice adjustment the credit became; null while pending.")
    public List<AdjustmentType> adjustment(@Source List<ServiceCreditType> credits) {
        return Batch.one(credits, ServiceCreditType::adjustmentKey, keys -> billing.loadNodes(AdjustmentType.TYPE, keys)
                .stream().map(AdjustmentType.class::cast).collect(Collectors.toMap(Node::key, a -> a)));
    }

    @Name("problemReport")
    @Description("The problem report this adjustment compensates, if any.")
    public List<ProblemReportType> adjustmentProblemReport(@Source List<AdjustmentType> adjustments) {
        return Batch.one(adjustments, AdjustmentType::problemReportKey, keys -> Batch.byKey(problemReports.byIds(keys)));
    }

    @Name("problemReport")
    @Description("The problem report that earned the credit.")
    public List<ProblemReportType> creditProblemReport(@Source List<ServiceCreditType> credits) {
        return Batch.one(credits, ServiceCreditType::problemReportKey, keys -> Batch.byKey(problemReports.byIds(keys)));
    }}
