package dev.supportgraph.inventory;

import dev.supportgraph.graph.KeyList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of resources through their services (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ResourceRepository {

    @Inject
    StatelessSession session;

    /** Pairs of (service id, resource) for all resources the given services run on. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return session.createQuery("select sr.fromId, r from ServiceResource sr"
                        + " join Resource r on r.id = sr.toId where " + KeyList.condition("sr.fromId", "ids")
                        + " order by r.name, r.id", Object[].class)
                .setParameter("ids", KeyList.of(serviceIds))
                .getResultList();
    }
}
