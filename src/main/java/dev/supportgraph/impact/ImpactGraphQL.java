package dev.supportgraph.impact;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerConnection;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.inventory.ServiceResource;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.InventoryService;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Impact analysis on service and resource troubles (staff only, like the troubles themselves). */
@GraphQLApi
@Authenticated
public class ImpactGraphQL {

    /** A fault on a resource affects the active services running on it ({@link Affected#RESOURCE_TROUBLE}). */
    private static final String ACTIVE = "e.state = dev.supportgraph.inventory.ServiceState.ACTIVE";

    @Inject
    ImpactService service;

    @Inject
    InventoryService inventory;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Name("affectedServices")
    @Description("The active services running on the faulty resource.")
    @JoinedBy(through = ServiceResource.class, parentAttribute = "resourceId", parentKey = ServiceResource.RESOURCE,
            childKey = ServiceResource.SERVICE, where = ACTIVE, orderBy = InventoryService.BY_ID)
    public List<@NonNull List<@NonNull ServiceType>> resourceTroubleAffectedServices(@Source List<ResourceTroubleType> troubles) {
        return Batch.many(troubles, ResourceTroubleType::resourceKey, keys -> inventory.services().byLinks(ServiceResource.class,
                ServiceResource.RESOURCE, ServiceResource.SERVICE, ACTIVE, keys, InventoryService.BY_ID));
    }

    @Name("affectedCustomers")
    @Description("Customers owning an affected service, in id order.")
    public List<@NonNull CustomerConnection> resourceTroubleAffectedCustomers(@Source List<ResourceTroubleType> troubles,
                                                                           Integer first, String after, Integer last, String before) {
        return customers(Affected.RESOURCE_TROUBLE, troubles, ResourceTroubleType::key, first, after, last, before);
    }

    @Name("affectedCustomers")
    @Description("Customers owning an affected service, in id order.")
    public List<@NonNull CustomerConnection> serviceTroubleAffectedCustomers(@Source List<ServiceTroubleType> troubles,
                                                                          Integer first, String after, Integer last, String before) {
        return customers(Affected.SERVICE_TROUBLE, troubles, ServiceTroubleType::key, first, after, last, before);
    }

    @Name("impact")
    @Description("Customers affected (by segment), open problem reports and monthly revenue at risk.")
    public List<@NonNull TroubleImpact> resourceTroubleImpact(@Source List<ResourceTroubleType> troubles) {
        return impacts(Affected.RESOURCE_TROUBLE, troubles, ResourceTroubleType::key);
    }

    @Name("impactAnalysis")
    @Description("Customers affected (by segment), open problem reports and monthly revenue at risk (`impact` is the TMF656 impact level).")
    public List<@NonNull TroubleImpact> serviceTroubleImpact(@Source List<ServiceTroubleType> troubles) {
        return impacts(Affected.SERVICE_TROUBLE, troubles, ServiceTroubleType::key);
    }

    private <T> List<TroubleImpact> impacts(Affected affected, List<T> troubles, Function<T, Long> keyOf) {
        Map<Long, TroubleImpact> found = service.impact(affected, keys(troubles, keyOf));
        return troubles.stream().map(t -> found.getOrDefault(keyOf.apply(t), TroubleImpact.NONE)).toList();
    }

    private <T> List<CustomerConnection> customers(Affected affected, List<T> troubles, Function<T, Long> keyOf,
                                                   Integer first, String after, Integer last, String before) {
        PageRequest request = PageRequest.of(first, after, last, before, config.paging());
        return Batch.connections(troubles, keyOf, keys -> service.affectedCustomers(affected, keys, request),
                Selection.wantsTotalCount(context) ? keys -> totals(affected, keys) : null, ImpactGraphQL::connection);
    }

    private Map<Long, Long> totals(Affected affected, Collection<Long> keys) {
        Map<Long, Long> totals = new HashMap<>();
        service.impact(affected, keys).forEach((k, impact) -> totals.put(k, (long) impact.customersAffected()));
        return totals;
    }

    private static CustomerConnection connection(Page<CustomerType> page, Integer totalCount) {
        return new CustomerConnection(page.edges(CustomerConnection.CustomerEdge::new), page.pageInfo(), totalCount);
    }

    private static <T> List<Long> keys(List<T> troubles, Function<T, Long> keyOf) {
        return troubles.stream().map(keyOf).distinct().toList();
    }
}
