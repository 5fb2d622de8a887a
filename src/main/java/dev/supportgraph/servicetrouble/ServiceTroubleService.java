package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import dev.supportgraph.sla.SlaService;
import dev.supportgraph.ticket.StaffOnly;
import dev.supportgraph.ticket.TicketCriteria;
import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.ticket.SlaWindow;
import dev.supportgraph.ticket.TicketOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of service troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ServiceTroubleService implements NodeLoader {

    private ScopedReads<ServiceTrouble, ServiceTroubleType, ServiceTroubleFilter, TicketOrder> troubles;

    @Inject
    ServiceTroubleRepository links;

    @Inject
    Caller caller;

    @Inject
    ServiceTroubleService(StatelessSession session, Caller caller, SlaService sla) {
        troubles = ScopedReads.staffOnly(session, caller, ServiceTrouble.class, t -> t.id, ServiceTroubleType::of,
                filter -> where(filter, caller, sla.window()), TicketOrder.orDefault(null));
    }

    /** Service troubles: the top-level list and by id. */
    public ScopedReads<ServiceTrouble, ServiceTroubleType, ServiceTroubleFilter, TicketOrder> troubles() {
        return troubles;
    }

    public Map<Long, List<ServiceTroubleType>> children(Collection<Long> parentKeys) {
        return troubles.byParents("e.parentId", parentKeys, "e.createdAt desc, e.id desc", ServiceTroubleType::parentKey);
    }

    public Map<Long, List<ServiceTroubleType>> byProblemReports(Collection<Long> problemReportKeys) {
        return StaffOnly.batch(caller, problemReportKeys, () -> TicketLinks.byParent(links.byProblemReports(problemReportKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    public Map<Long, List<ServiceTroubleType>> byResourceTroubles(Collection<Long> resourceTroubleKeys) {
        return StaffOnly.batch(caller, resourceTroubleKeys, () -> TicketLinks.byParent(links.byResourceTroubles(resourceTroubleKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    public Map<Long, List<ServiceTroubleType>> byServices(Collection<Long> serviceKeys) {
        return StaffOnly.batch(caller, serviceKeys, () -> TicketLinks.byParent(links.byServices(serviceKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ServiceTroubleType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return troubles.byIds(ids);
    }

    private static Where where(ServiceTroubleFilter filter, Caller caller, SlaWindow sla) {
        Where where = TicketCriteria.where(filter, caller, sla);
        if (filter != null) {
            where.in("e.impact", filter.impact());
        }
        return where;
    }
}
