package dev.supportgraph.inventory;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of resources (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ResourceRepository {

    @Inject
    StatelessSession session;

    public Page<Resource> page(Where where, SortKey<Resource> key, boolean descending, PageRequest request) {
        return Keyset.page(session, Resource.class, where, key, descending, request, r -> r.id);
    }

    public long count(Where where) {
        return Keyset.count(session, Resource.class, where);
    }

    public List<Resource> byIds(Collection<Long> ids) {
        return KeyList.load(session, Resource.class, "e.id", ids, "e.id");
    }

    /** Pairs of (service id, resource) for all resources the given services run on. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return session.createQuery("select sr.serviceId, r from ServiceResource sr"
                        + " join Resource r on r.id = sr.resourceId where " + KeyList.condition("sr.serviceId", "ids")
                        + " order by r.name, r.id", Object[].class)
                .setParameter("ids", KeyList.of(serviceIds))
                .getResultList();
    }
}
