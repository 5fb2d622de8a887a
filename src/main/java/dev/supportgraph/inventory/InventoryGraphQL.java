package dev.supportgraph.inventory;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.order.OrderItemType;
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

@GraphQLApi
@Authenticated
public class InventoryGraphQL {

    @Inject
    InventoryService service;

    @Inject
    CustomerService customers;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Service instances visible to the caller (a portal user sees only their own).")
    public @NonNull ServiceConnection services(Integer first, String after, Integer last, String before,
                                               ServiceFilter filter, ServiceOrder orderBy) {
        return service.services().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), ServiceConnection::of);
    }

    @Query
    @Description("Network and IT resources (staff only; empty for portal users).")
    public @NonNull ResourceConnection resources(Integer first, String after, Integer last, String before,
                                                 ResourceFilter filter, ResourceOrder orderBy) {
        return service.resources().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), ResourceConnection::of);
    }

    @Name("services")
    @Description("The customer's service instances, by name.")
    @JoinedBy(parentKey = "e.customerId", orderBy = "e.customerId, e.name, e.id")
    public List<@NonNull List<@NonNull ServiceType>> customerServices(@Source List<CustomerType> customers) {
        return Batch.many(customers, CustomerType::key, service::servicesByCustomers);
    }

    @Name("customer")
    @Description("The customer who runs this service.")
    public List<CustomerType> serviceCustomer(@Source List<ServiceType> services) {
        return Batch.one(services, ServiceType::customerKey, customers::mapByIds);
    }

    @Name("resources")
    @Description("The resources this service runs on (staff only; empty for portal users).")
    @JoinedBy(through = ServiceResource.class, parentKey = ServiceResource.SERVICE, childKey = ServiceResource.RESOURCE,
            orderBy = InventoryService.BY_NAME)
    public List<@NonNull List<@NonNull ResourceType>> serviceResources(@Source List<ServiceType> services) {
        return Batch.many(services, ServiceType::key, service::resourcesByServices);
    }

    @Name("services")
    @Description("The services running on this resource.")
    @JoinedBy(through = ServiceResource.class, parentKey = ServiceResource.RESOURCE, childKey = ServiceResource.SERVICE,
            orderBy = InventoryService.BY_NAME)
    public List<@NonNull List<@NonNull ServiceType>> resourceServices(@Source List<ResourceType> resources) {
        return Batch.many(resources, ResourceType::key, service::servicesByResources);
    }

    @Name("service")
    @Description("The service instance this item provides or changes, once there is one.")
    public List<ServiceType> itemService(@Source List<OrderItemType> items) {
        return Batch.one(items, OrderItemType::serviceKey, service.services()::mapByIds);
    }
}
