package dev.supportgraph.order;

import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProductOrderRepository implements PanacheRepositoryBase<ProductOrder, Long> {

    public Page<ProductOrder> page(Where where, SortKey<ProductOrder> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), ProductOrder.class, where, key, descending, request, o -> o.id);
    }

    /** A page of orders for each customer, one statement for all of them. */
    public Map<Long, Page<ProductOrder>> pagesPerCustomer(Collection<Long> customerIds, Where where,
                                                          SortKey<ProductOrder> key, boolean descending,
                                                          PageRequest request) {
        return Keyset.pagesPerParent(getEntityManager(), ProductOrder.class, "e.customerId", customerIds, where, key,
                descending, request, o -> o.id, o -> o.customerId);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), ProductOrder.class, where);
    }

    public Map<Long, Long> countPerCustomer(Collection<Long> customerIds, Where where) {
        return Keyset.countPerParent(getEntityManager(), ProductOrder.class, "e.customerId", customerIds, where);
    }

    public List<ProductOrder> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
