package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.problem.ProblemReportServiceTrouble;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketLinks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ServiceTroubleRepository implements PanacheRepositoryBase<ServiceTrouble, Long> {

    public Page<ServiceTrouble> page(Where where, SortKey<TicketEntity> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), ServiceTrouble.class, where, key, descending, request, t -> t.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), ServiceTrouble.class, where);
    }

    public List<ServiceTrouble> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Children of all given parents, newest first. */
    public List<ServiceTrouble> byParents(Collection<Long> parentIds) {
        return list("parentId in ?1 order by createdAt desc, id desc", parentIds);
    }

    /** {@code [problemReportId, ServiceTrouble]} pairs. */
    public List<Object[]> byProblemReports(Collection<Long> problemReportIds) {
        return TicketLinks.linked(getEntityManager(), ServiceTrouble.class, ProblemReportServiceTrouble.class,
                "serviceTroubleId", "problemReportId", problemReportIds, new Where());
    }

    /** {@code [resourceTroubleId, ServiceTrouble]} pairs. */
    public List<Object[]> byResourceTroubles(Collection<Long> resourceTroubleIds) {
        return TicketLinks.linked(getEntityManager(), ServiceTrouble.class, ServiceTroubleResourceTrouble.class,
                "serviceTroubleId", "resourceTroubleId", resourceTroubleIds, new Where());
    }

    /** {@code [serviceId, ServiceTrouble]} pairs. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return TicketLinks.linked(getEntityManager(), ServiceTrouble.class, AffectedService.class,
                "serviceTroubleId", "serviceId", serviceIds, new Where());
    }

    /** The affected service ids of each given trouble, as {@code [serviceTroubleId, serviceId]} rows. */
    public List<AffectedService> affectedServices(Collection<Long> troubleIds) {
        return getEntityManager().createQuery("select l from AffectedService l where l.serviceTroubleId in :ids"
                        + " order by l.serviceTroubleId, l.serviceId", AffectedService.class)
                .setParameter("ids", troubleIds)
                .getResultList();
    }
}
