package dev.supportgraph.servicetrouble;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.Batches;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.problem.ProblemReportType;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import dev.supportgraph.ticket.TicketOrder;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Service troubles: the top-level list, their hierarchy, and the edges leading to them. Staff only. */
@GraphQLApi
@Authenticated
public class ServiceTroubleGraphQL {

    @Inject
    ServiceTroubleService service;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Service troubles (staff only; empty for portal customers).")
    public @NonNull ServiceTroubleConnection serviceTroubles(Integer first, String after, Integer last, String before,
                                                             ServiceTroubleFilter filter, TicketOrder orderBy) {
        PageRequest request = PageRequest.of(first, after, last, before, config.paging());
        return ServiceTroubleConnection.of(service.page(request, filter, orderBy),
                Selection.wantsTotalCount(context) ? (int) service.count(filter) : null);
    }

    @Description("The trouble this one is grouped under, if any.")
    public List<ServiceTroubleType> parent(@Source List<ServiceTroubleType> troubles) {
        return Batches.one(troubles, ServiceTroubleType::parentKey,
                service.byIds(Batches.keys(troubles, ServiceTroubleType::parentKey)));
    }

    @Description("The troubles grouped under this one, newest first.")
    public List<@NonNull List<@NonNull ServiceTroubleType>> children(@Source List<ServiceTroubleType> troubles) {
        return Batches.many(troubles, ServiceTroubleType::key, service.children(Batches.keys(troubles, ServiceTroubleType::key)));
    }

    @Name("serviceTroubles")
    @Description("Service troubles linked to this problem report, newest first (empty for portal customers).")
    public List<@NonNull List<@NonNull ServiceTroubleType>> serviceTroublesOfProblemReports(
            @Source List<ProblemReportType> reports) {
        return Batches.many(reports, ProblemReportType::key,
                service.byProblemReports(Batches.keys(reports, ProblemReportType::key)));
    }

    @Name("serviceTroubles")
    @Description("Service troubles this resource trouble causes, newest first.")
    public List<@NonNull List<@NonNull ServiceTroubleType>> serviceTroublesOfResourceTroubles(
            @Source List<ResourceTroubleType> troubles) {
        return Batches.many(troubles, ResourceTroubleType::key,
                service.byResourceTroubles(Batches.keys(troubles, ResourceTroubleType::key)));
    }
}
