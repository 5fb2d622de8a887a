package dev.supportgraph.billing;

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
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, Long> {

    public Page<Invoice> page(Where where, SortKey<Invoice> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), Invoice.class, where, key, descending, request, i -> i.id);
    }

    /** A page of invoices for each customer, one statement for all of them. */
    public Map<Long, Page<Invoice>> pagesPerCustomer(Collection<Long> customerIds, Where where, SortKey<Invoice> key,
                                                     boolean descending, PageRequest request) {
        return Keyset.pagesPerParent(getEntityManager(), Invoice.class, "e.customerId", customerIds, where, key,
                descending, request, i -> i.id, i -> i.customerId);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), Invoice.class, where);
    }

    public Map<Long, Long> countPerCustomer(Collection<Long> customerIds, Where where) {
        return Keyset.countPerParent(getEntityManager(), Invoice.class, "e.customerId", customerIds, where);
    }

    public List<Invoice> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
