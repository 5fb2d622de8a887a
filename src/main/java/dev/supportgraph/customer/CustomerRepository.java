package dev.supportgraph.customer;

import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Long> {

    public Page<Customer> page(Where where, SortKey<Customer> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), Customer.class, where, key, descending, request, c -> c.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), Customer.class, where);
    }

    public List<Customer> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
