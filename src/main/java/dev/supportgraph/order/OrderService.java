package dev.supportgraph.order;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
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

/** Reads of product orders and their items, always within the caller's customer scope (see {@link ScopedReads}). */
@ApplicationScoped
public class OrderService implements NodeLoader {

    private ScopedReads<ProductOrder, ProductOrderType, OrderFilter, OrderOrder> orders;

    private ScopedReads<OrderItem, OrderItemType, Void, Ordering<OrderItem>> items;

    @Inject
    OrderService(StatelessSession session, Caller caller) {
        orders = new ScopedReads<>(session, caller, ProductOrder.class, "e.customerId", o -> o.id, o -> o.customerId,
                ProductOrderType::of, OrderService::where, new OrderOrder(OrderOrderField.CREATED_AT, OrderDirection.ASC));
        items = new ScopedReads<>(session, caller, OrderItem.class, "e.customerId", i -> i.id, i -> i.customerId,
                OrderItemType::of, none -> new Where(), null);
    }

    /** Orders: the top-level list, each customer's, by id. */
    public ScopedReads<ProductOrder, ProductOrderType, OrderFilter, OrderOrder> orders() {
        return orders;
    }

    public Map<Long, List<OrderItemType>> itemsByOrders(Collection<Long> orderIds) {
        return items.byParents("e.orderId", orderIds, "e.orderId, e.itemNumber", OrderItemType::orderKey);
    }

    /** The visible items that provide or change each service, keyed by service id. */
    public Map<Long, List<OrderItemType>> itemsByServices(Collection<Long> serviceIds) {
        return items.byParents("e.serviceId", serviceIds, "e.serviceId, e.id", OrderItemType::serviceKey);
    }

    public Map<Long, OrderItemType> mapItemsByIds(Collection<Long> ids) {
        return items.mapByIds(ids);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ProductOrderType.TYPE, OrderItemType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return type.equals(ProductOrderType.TYPE) ? orders.byIds(ids) : items.byIds(ids);
    }

    private static Where where(OrderFilter filter) {
        Where where = new Where();
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
