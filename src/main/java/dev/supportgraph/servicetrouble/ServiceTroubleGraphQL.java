package dev.supportgraph.servicetrouble;

import dev.supportgraph.problem.ProblemReportServiceTrouble;
import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.InventoryService;
import dev.supportgraph.inventory.ServiceType;
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
    InventoryService inventory;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Service troubles (staff only; empty for portal customers).")
    public @NonNull ServiceTroubleConnection serviceTroubles(Integer first, String after, Integer last, String before,
                                                             ServiceTroubleFilter filter, TicketOrder orderBy) {
        return service.troubles().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), ServiceTroubleConnection::of);
    }

    @Description("The trouble this one is grouped under, if any.")
    public List<ServiceTroubleType> parent(@Source List<ServiceTroubleType> troubles) {
        return Batch.one(troubles, ServiceTroubleType::parentKey, service.troubles()::mapByIds);
    }

    @Description("The troubles grouped under this one, newest first.")
    @JoinedBy(parentKey = "e.parentId", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ServiceTroubleType>> children(@Source List<ServiceTroubleType> troubles) {
        return Batch.many(troubles, ServiceTroubleType::key, service::children);
    }

    @Name("serviceTroubles")
    @Description("Service troubles linked to this problem report, newest first (empty for portal customers).")
    @JoinedBy(through = ProblemReportServiceTrouble.class, parentKey = "l.fromId", childKey = "l.toId", orderBy = TicketLinks.NEWEST_FIRST)
    public List<@NonNull List<@NonNull ServiceTroubleType>> problemReportServiceTroubles(
            @Source List<ProblemReportType> reports) {
        return Batch.many(reports, ProblemReportType::key, service::byProblemReports);
    }

    @Name("serviceTroubles")
    @Description("Service troubles this resource trouble causes, newest first.")
    @JoinedBy(through = ServiceTroubleResourceTrouble.class, parentKey = "l.toId", childKey = "l.fromId", orderBy = TicketLinks.NEWEST_FIRST)
    public List<@NonNull List<@NonNull ServiceTroubleType>> resourceTroubleServiceTroubles(
            @Source List<ResourceTroubleType> troubles) {
        return Batch.many(troubles, ResourceTroubleType::key, service::byResourceTroubles);
    }

    @Description("The services this trouble affects.")
    @JoinedBy(through = AffectedService.class, parentKey = AffectedService.TROUBLE, childKey = AffectedService.SERVICE, orderBy = InventoryService.BY_ID)
    public List<@NonNull List<@NonNull ServiceType>> affectedServices(@Source List<ServiceTroubleType> troubles) {
        return Batch.many(troubles, ServiceTroubleType::key, keys -> inventory.services().byLinks(AffectedService.class,
                AffectedService.TROUBLE, AffectedService.SERVICE, "", keys, InventoryService.BY_ID));
    }

    @Name("serviceTroubles")
    @Description("Service troubles affecting this service, newest first (empty for portal customers).")
    @JoinedBy(through = AffectedService.class, parentKey = AffectedService.SERVICE, childKey = AffectedService.TROUBLE, orderBy = TicketLinks.NEWEST_FIRST)
    public List<@NonNull List<@NonNull ServiceTroubleType>> serviceServiceTroubles(@Source List<ServiceType> services) {
        return Batch.many(services, ServiceType::key, service::byServices);
    }
}
