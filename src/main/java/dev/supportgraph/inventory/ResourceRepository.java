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
public class ResourceRepository implements PanacheRepositoryBase<Resource, Long> {

    public Page<Resource> page(Where where, SortKey<Resource> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), Resource.class, where, key, descending, request, r -> r.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), Resource.class, where);
    }

    public List<Resource> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Pairs of (service id, resource) for all resources the given services run on. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return getEntityManager().createQuery("select sr.serviceId, r from ServiceResource sr"
                        + " join Resource r on r.id = sr.resourceId where sr.serviceId in (:ids)"
                        + " order by r.name, r.id", Object[].class)
                .setParameter("ids", serviceIds)
                .getResultList();
    }
}
