package dev.supportgraph.inventory;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads of services (within the caller's customer scope) and resources (staff only: a portal
 * user gets none, as if they did not exist). Both are reference data: systems of record read them all.
 */
@ApplicationScoped
public class InventoryService implements NodeLoader {

    /** The order of services and resources listed through their link, HQL on {@code e}. */
    public static final String BY_NAME = "e.name, e.id";

    /** The order of the services a trouble affects, HQL on {@code e}. */
    public static final String BY_ID = "e.id";

    private ScopedReads<ServiceInstance, ServiceType, ServiceFilter, ServiceOrder> services;

    private ScopedReads<Resource, ResourceType, ResourceFilter, ResourceOrder> resources;

    @Inject
    InventoryService(StatelessSession session, Caller caller) {
        services = ScopedReads.referenceData(new ScopedReads<>(session, caller, ServiceInstance.class, "e.customerId", s -> s.id, s -> s.customerId,
                ServiceType::of, InventoryService::where, new ServiceOrder(ServiceOrderField.CREATED_AT, OrderDirection.ASC)));
        resources = ScopedReads.referenceData(ScopedReads.staffOnly(session, caller, Resource.class, r -> r.id, ResourceType::of,
                InventoryService::where, new ResourceOrder(ResourceOrderField.NAME, OrderDirection.ASC)));
    }

    /** Services: the top-level list, by id, each customer's (by name). */
    public ScopedReads<ServiceInstance, ServiceType, ServiceFilter, ServiceOrder> services() {
        return services;
    }

    /** Resources (staff only): the top-level list and by id. */
    public ScopedReads<Resource, ResourceType, ResourceFilter, ResourceOrder> resources() {
        return resources;
    }

    public Map<Long, List<ServiceType>> servicesByCustomers(Collection<Long> customerIds) {
        return services.byParents("e.customerId", customerIds, "e.customerId, e.name, e.id", ServiceType::customerKey);
    }

    /** The visible services running on each resource, keyed by resource id, by name. */
    public Map<Long, List<ServiceType>> servicesByResources(Collection<Long> resourceIds) {
        return services.byLinks(ServiceResource.class, ServiceResource.RESOURCE, ServiceResource.SERVICE, "", resourceIds, BY_NAME);
    }

    /** The resources each service runs on, keyed by service id, by name (staff only, as resources are). */
    public Map<Long, List<ResourceType>> resourcesByServices(Collection<Long> serviceIds) {
        return resources.byLinks(ServiceResource.class, ServiceResource.SERVICE, ServiceResource.RESOURCE, "", serviceIds, BY_NAME);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ServiceType.TYPE, ResourceType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return type.equals(ServiceType.TYPE) ? services.byIds(ids) : resources.byIds(ids);
    }

    private static Where where(ServiceFilter filter) {
        Where where = new Where();
        if (filter != null) {
            where.in("e.state", filter.state())
                    .eq("e.customerId", filter.customerId() == null ? null
                            : GlobalId.decode(CustomerType.TYPE, filter.customerId()))
                    .in("e.category", filter.category())
                    .search(filter.search(), "e.name");
        }
        return where;
    }

    private static Where where(ResourceFilter filter) {
        Where where = new Where();
        if (filter != null) {
            where.in("e.category", filter.category())
                    .in("e.operationalState", filter.operationalState())
                    .search(filter.search(), "e.name", "e.location");
        }
        return where;
    }
}
