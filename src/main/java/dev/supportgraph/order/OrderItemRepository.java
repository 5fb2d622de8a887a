package dev.supportgraph.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class OrderItemRepository implements PanacheRepositoryBase<OrderItem, Long> {

    /** The items of all given orders in one statement, in item-number order. */
    public List<OrderItem> byOrders(Collection<Long> orderIds) {
        return list("orderId in ?1 order by orderId, itemNumber", orderIds);
    }

    /** The items that provide or change any of the given services. */
    public List<OrderItem> byServices(Collection<Long> serviceIds) {
        return list("serviceId in ?1 order by serviceId, id", serviceIds);
    }

    public List<OrderItem> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
