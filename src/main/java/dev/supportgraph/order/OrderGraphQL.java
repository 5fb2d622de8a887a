package dev.supportgraph.order;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.ServiceType;
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
public class OrderGraphQL {

    @Inject
    OrderService service;

    @Inject
    CustomerService customers;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Product orders visible to the caller (a portal user sees only their own).")
    public @NonNull OrderConnection orders(Integer first, String after, Integer last, String before,
                                           OrderFilter filter, OrderOrder orderBy) {
        return service.orders().connection(PageRequest.of(first, after, last, before, config.paging()), filter, orderBy,
                Selection.wantsTotalCount(context), OrderConnection::of);
    }

    @Name("orders")
    @Description("The customer's product orders; one statement for all customers of the enclosing list.")
    public List<@NonNull OrderConnection> customerOrders(@Source List<CustomerType> customers, Integer first,
                                                         String after, Integer last, String before,
                                                         OrderFilter filter, OrderOrder orderBy) {
        return service.orders().connectionsPerCustomer(customers, CustomerType::key,
                PageRequest.of(first, after, last, before, config.paging()), filter, orderBy,
                Selection.wantsTotalCount(context), OrderConnection::of);
    }

    @Name("customer")
    @Description("The customer who placed the order.")
    public List<CustomerType> orderCustomer(@Source List<ProductOrderType> orders) {
        return Batch.one(orders, ProductOrderType::customerKey, customers::mapByIds);
    }

    @Description("The order's items, by item number.")
    @JoinedBy(parentKey = "e.orderId", orderBy = "e.orderId, e.itemNumber")
    public List<@NonNull List<@NonNull OrderItemType>> items(@Source List<ProductOrderType> orders) {
        return Batch.many(orders, ProductOrderType::key, service::itemsByOrders);
    }

    @Name("order")
    @Description("The order this item belongs to.")
    public List<ProductOrderType> itemOrder(@Source List<OrderItemType> items) {
        return Batch.one(items, OrderItemType::orderKey, service.orders()::mapByIds);
    }

    @Name("orderItems")
    @Description("The order items that provided or changed this service.")
    @JoinedBy(parentKey = "e.serviceId", orderBy = "e.serviceId, e.id")
    public List<@NonNull List<@NonNull OrderItemType>> serviceOrderItems(@Source List<ServiceType> services) {
        return Batch.many(services, ServiceType::key, service::itemsByServices);
    }
}
