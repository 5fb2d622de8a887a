package dev.supportgraph.order;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Page;
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
import java.util.Map;

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
        PageRequest request = PageRequest.of(first, after, last, before, config.paging());
        Page<ProductOrderType> page = service.page(request, filter, orderBy);
        Integer total = Selection.wantsTotalCount(context) ? (int) service.count(filter) : null;
        return new OrderConnection(page.edges(OrderConnection.OrderEdge::new), page.pageInfo(), total);
    }

    @Name("orders")
    @Description("The customer's product orders; one statement for all customers of the enclosing list.")
    public List<@NonNull OrderConnection> customerOrders(@Source List<CustomerType> customers, Integer first,
                                                         String after, Integer last, String before,
                                                         OrderFilter filter, OrderOrder orderBy) {
        PageRequest request = PageRequest.of(first, after, last, before, config.paging());
        List<Long> keys = customers.stream().map(CustomerType::key).toList();
        Map<Long, Page<ProductOrderType>> pages = service.pagesByCustomer(keys, request, filter, orderBy);
        Map<Long, Long> totals = Selection.wantsTotalCount(context) ? service.countByCustomer(keys, filter) : null;
        return keys.stream().map(key -> new OrderConnection(pages.get(key).edges(OrderConnection.OrderEdge::new),
                pages.get(key).pageInfo(), totals == null ? null : totals.getOrDefault(key, 0L).intValue())).toList();
    }

    @Name("customer")
    @Description("The customer who placed the order.")
    public List<CustomerType> orderCustomer(@Source List<ProductOrderType> orders) {
        Map<Long, CustomerType> byId = customers.mapByIds(orders.stream().map(ProductOrderType::customerKey).distinct().toList());
        return orders.stream().map(o -> byId.get(o.customerKey())).toList();
    }

    @Description("The order's items, by item number.")
    public List<@NonNull List<@NonNull OrderItemType>> items(@Source List<ProductOrderType> orders) {
        Map<Long, List<OrderItemType>> byOrder = service.itemsByOrders(orders.stream().map(ProductOrderType::key).toList());
        return orders.stream().map(o -> byOrder.getOrDefault(o.key(), List.of())).toList();
    }

    @Name("order")
    @Description("The order this item belongs to.")
    public List<ProductOrderType> itemOrder(@Source List<OrderItemType> items) {
        Map<Long, ProductOrderType> byId = service.mapByIds(items.stream().map(OrderItemType::orderKey).distinct().toList());
        return items.stream().map(i -> byId.get(i.orderKey())).toList();
    }

    @Name("orderItems")
    @Description("The order items that provided or changed this service.")
    public List<@NonNull List<@NonNull OrderItemType>> serviceOrderItems(@Source List<ServiceType> services) {
        Map<Long, List<OrderItemType>> byService = service.itemsByServices(services.stream().map(ServiceType::key).toList());
        return services.stream().map(s -> byService.getOrDefault(s.key(), List.of())).toList();
    }
}
