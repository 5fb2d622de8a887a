package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.problem.ProblemReportServiceTrouble;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of service troubles (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ServiceTroubleRepository {

    @Inject
    StatelessSession session;

    public Page<ServiceTrouble> page(Where where, SortKey<TicketEntity> key, boolean descending, PageRequest request) {
        return Keyset.page(session, ServiceTrouble.class, where, key, descending, request, t -> t.id);
    }

    public long count(Where where) {
        return Keyset.count(session, ServiceTrouble.class, where);
    }

    public List<ServiceTrouble> byIds(Collection<Long> ids) {
        return KeyList.load(session, ServiceTrouble.class, "e.id", ids, "e.id");
    }

    /** Children of all given parents, newest first. */
    public List<ServiceTrouble> byParents(Collection<Long> parentIds) {
        return KeyList.load(session, ServiceTrouble.class, "e.parentId", parentIds, "e.createdAt desc, e.id desc");
    }

    /** {@code [problemReportId, ServiceTrouble]} pairs. */
    public List<Object[]> byProblemReports(Collection<Long> problemReportIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, ProblemReportServiceTrouble.class,
                "serviceTroubleId", "problemReportId", problemReportIds, new Where());
    }

    /** {@code [resourceTroubleId, ServiceTrouble]} pairs. */
    public List<Object[]> byResourceTroubles(Collection<Long> resourceTroubleIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, ServiceTroubleResourceTrouble.class,
                "serviceTroubleId", "resourceTroubleId", resourceTroubleIds, new Where());
    }

    /** {@code [serviceId, ServiceTrouble]} pairs. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, AffectedService.class,
                "serviceTroubleId", "serviceId", serviceIds, new Where());
    }

    /** The affected service ids of each given trouble, as {@code [serviceTroubleId, serviceId]} rows. */
    public List<AffectedService> affectedServices(Collection<Long> troubleIds) {
        return KeyList.load(session, AffectedService.class, "e.serviceTroubleId", troubleIds, "e.serviceTroubleId, e.serviceId");
    }
}
