package dev.supportgraph.order;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads of product orders and their items, always within the caller's customer scope. */
@ApplicationScoped
@Transactional
public class OrderService implements NodeLoader {

    private static final OrderOrder DEFAULT_ORDER = new OrderOrder(OrderOrderField.CREATED_AT, OrderDirection.ASC);

    @Inject
    ProductOrderRepository orders;

    @Inject
    OrderItemRepository items;

    @Inject
    Caller caller;

    public Page<ProductOrderType> page(PageRequest request, OrderFilter filter, OrderOrder order) {
        OrderOrder effective = order == null ? DEFAULT_ORDER : order;
        return orders.page(where(filter), effective.field().key, effective.direction() == OrderDirection.DESC, request)
                .map(ProductOrderType::of);
    }

    public long count(OrderFilter filter) {
        return orders.count(where(filter));
    }

    /** A page of each customer's orders (all customers in one statement), keyed by customer id. */
    public Map<Long, Page<ProductOrderType>> pagesByCustomer(Collection<Long> customerIds, PageRequest request,
                                                             OrderFilter filter, OrderOrder order) {
        OrderOrder effective = order == null ? DEFAULT_ORDER : order;
        return Page.mapEach(orders.pagesPerCustomer(customerIds, where(filter), effective.field().key,
                effective.direction() == OrderDirection.DESC, request), ProductOrderType::of);
    }

    /** How many orders each customer has under the filter (one grouped statement); absent = 0. */
    public Map<Long, Long> countByCustomer(Collection<Long> customerIds, OrderFilter filter) {
        return orders.countPerCustomer(customerIds, where(filter));
    }

    /** The orders with these ids that the caller may see, in no particular order. */
    public List<ProductOrderType> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return orders.byIds(ids).stream()
                .filter(o -> caller.canSeeCustomer(o.customerId))
                .map(ProductOrderType::of)
                .toList();
    }

    public Map<Long, ProductOrderType> mapByIds(Collection<Long> ids) {
        return Batch.byKey(byIds(ids));
    }

    public Map<Long, List<OrderItemType>> itemsByOrders(Collection<Long> orderIds) {
        return visibleItems(orderIds.isEmpty() ? List.of() : items.byOrders(orderIds))
                .collect(Collectors.groupingBy(OrderItemType::orderKey));
    }

    /** The visible items that provide or change each service, keyed by service id. */
    public Map<Long, List<OrderItemType>> itemsByServices(Collection<Long> serviceIds) {
        return visibleItems(serviceIds.isEmpty() ? List.of() : items.byServices(serviceIds))
                .collect(Collectors.groupingBy(OrderItemType::serviceKey));
    }

    public List<OrderItemType> itemsByIds(Collection<Long> ids) {
        return visibleItems(ids.isEmpty() ? List.of() : items.byIds(ids)).toList();
    }

    public Map<Long, OrderItemType> mapItemsByIds(Collection<Long> ids) {
        return Batch.byKey(itemsByIds(ids));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ProductOrderType.TYPE, OrderItemType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return type.equals(ProductOrderType.TYPE) ? byIds(ids) : itemsByIds(ids);
    }

    private Stream<OrderItemType> visibleItems(List<OrderItem> found) {
        return found.stream().filter(i -> caller.canSeeCustomer(i.customerId)).map(OrderItemType::of);
    }

    private Where where(OrderFilter filter) {
        Where where = new Where();
        caller.customerScope().ifPresent(scope -> where.eq("e.customerId", scope));
        if (filter != null) {
            where.in("e.state", filter.state())
                    .eq("e.customerId", filter.customerId() == null ? null
                            : GlobalId.decode(CustomerType.TYPE, filter.customerId()))
                    .in("e.priority", filter.priority())
                    .between("e.createdAt", filter.createdFrom(), filter.createdTo())
                    .between("e.updatedAt", filter.updatedFrom(), filter.updatedTo())
                    .search(filter.search(), "e.number", "e.description");
        }
        return where;
    }
}
