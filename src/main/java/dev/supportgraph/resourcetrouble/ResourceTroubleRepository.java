package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.servicetrouble.ServiceTroubleResourceTrouble;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketLinks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ResourceTroubleRepository implements PanacheRepositoryBase<ResourceTrouble, Long> {

    public Page<ResourceTrouble> page(Where where, SortKey<TicketEntity> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), ResourceTrouble.class, where, key, descending, request, t -> t.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), ResourceTrouble.class, where);
    }

    public List<ResourceTrouble> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** The troubles of all given resources, newest first. */
    public List<ResourceTrouble> byResources(Collection<Long> resourceIds) {
        return list("resourceId in ?1 order by createdAt desc, id desc", resourceIds);
    }

    /** {@code [serviceTroubleId, ResourceTrouble]} pairs. */
    public List<Object[]> byServiceTroubles(Collection<Long> serviceTroubleIds) {
        return TicketLinks.linked(getEntityManager(), ResourceTrouble.class, ServiceTroubleResourceTrouble.class,
                "resourceTroubleId", "serviceTroubleId", serviceTroubleIds, new Where());
    }
}
