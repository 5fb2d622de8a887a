package dev.supportgraph.inventory;

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
public class ServiceInstanceRepository implements PanacheRepositoryBase<ServiceInstance, Long> {

    public Page<ServiceInstance> page(Where where, SortKey<ServiceInstance> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), ServiceInstance.class, where, key, descending, request, s -> s.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), ServiceInstance.class, where);
    }

    public List<ServiceInstance> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    public List<ServiceInstance> byCustomers(Collection<Long> customerIds) {
        return list("customerId in ?1 order by customerId, name, id", customerIds);
    }

    /** Pairs of (resource id, service) for all services running on the given resources. */
    public List<Object[]> byResources(Collection<Long> resourceIds) {
        return getEntityManager().createQuery("select sr.resourceId, s from ServiceResource sr"
                        + " join ServiceInstance s on s.id = sr.serviceId where sr.resourceId in (:ids)"
                        + " order by s.name, s.id", Object[].class)
                .setParameter("ids", resourceIds)
                .getResultList();
    }
}
