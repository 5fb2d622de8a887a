package dev.supportgraph.inventory;

import dev.supportgraph.graph.KeyList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of services through their resources (see {@link dev.supportgraph.graph.ScopedReads}). */
@ApplicationScoped
public class ServiceInstanceRepository {

    @Inject
    StatelessSession session;

    /** Pairs of (resource id, service) for all services running on the given resources. */
    public List<Object[]> byResources(Collection<Long> resourceIds) {
        return session.createQuery("select sr.toId, s from ServiceResource sr"
                        + " join ServiceInstance s on s.id = sr.fromId where " + KeyList.condition("sr.toId", "ids")
                        + " order by s.name, s.id", Object[].class)
                .setParameter("ids", KeyList.of(resourceIds))
                .getResultList();
    }
}
