package dev.supportgraph.resourcetrouble;

import dev.supportgraph.servicetrouble.ServiceTroubleResourceTrouble;
import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.InventoryService;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import dev.supportgraph.sla.SlaClockType;
import dev.supportgraph.sla.SlaService;
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

/** Resource troubles: the top-level list and the edges leading to them. Staff only. */
@GraphQLApi
@Authenticated
public class ResourceTroubleGraphQL {

    @Inject
    ResourceTroubleService service;

    @Inject
    InventoryService inventory;

    @Inject
    SupportGraphConfig config;

    @Inject
    SlaService sla;

    @Inject
    Context context;

    @Query
    @Description("Resource troubles (staff only; empty for portal customers).")
    public @NonNull ResourceTroubleConnection resourceTroubles(Integer first, String after, Integer last, String before,
                                                               ResourceTroubleFilter filter, TicketOrder orderBy) {
        return service.troubles().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), ResourceTroubleConnection::of);
    }

    @Name("resourceTroubles")
    @Description("Resource troubles causing this service trouble, newest first.")
    @JoinedBy(through = ServiceTroubleResourceTrouble.class, parentKey = "l.fromId", childKey = "l.toId", orderBy = TicketLinks.NEWEST_FIRST)
    public List<@NonNull List<@NonNull ResourceTroubleType>> serviceTroubleResourceTroubles(
            @Source List<ServiceTroubleType> troubles) {
        return Batch.many(troubles, ServiceTroubleType::key, service::byServiceTroubles);
    }

    @Description("The SLA clock under the policy of the most demanding segment among the customers of the services on the resource and "
            + "the trouble's priority; null when no service uses the resource. Informational: events and credits follow problem reports.")
    public List<SlaClockType> sla(@Source List<ResourceTroubleType> troubles) {
        return Batch.one(troubles, ResourceTroubleType::key, sla::resourceTroubleClocks);
    }

    @Description("The faulty resource.")
    public List<ResourceType> resource(@Source List<ResourceTroubleType> troubles) {
        return Batch.one(troubles, ResourceTroubleType::resourceKey, inventory.resources()::mapByIds);
    }

    @Name("resourceTroubles")
    @Description("Troubles of this resource, newest first.")
    @JoinedBy(parentKey = "e.resourceId", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ResourceTroubleType>> resourceResourceTroubles(@Source List<ResourceType> resources) {
        return Batch.many(resources, ResourceType::key, service::byResources);
    }
}
