package dev.supportgraph.servicetrouble;

import dev.supportgraph.security.Caller;
import dev.supportgraph.sla.SlaService;
import dev.supportgraph.ticket.StaffOnly;
import dev.supportgraph.ticket.StaffTicketService;
import dev.supportgraph.ticket.TicketKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads of service troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ServiceTroubleService extends StaffTicketService<ServiceTrouble, ServiceTroubleType, ServiceTroubleFilter> {

    @Inject
    ServiceTroubleRepository links;

    @Inject
    ServiceTroubleService(StatelessSession session, Caller caller, SlaService sla) {
        reads(session, caller, sla::window, TicketKind.SERVICE_TROUBLE, ServiceTrouble.class, ServiceTroubleType::of,
                (where, filter) -> where.in("e.impact", filter.impact()));
    }

    public Map<Long, List<ServiceTroubleType>> children(Collection<Long> parentKeys) {
        return troubles().byParents("e.parentId", parentKeys, "e.createdAt desc, e.id desc", ServiceTroubleType::parentKey);
    }

    public Map<Long, List<ServiceTroubleType>> byProblemReports(Collection<Long> problemReportKeys) {
        return linked(problemReportKeys, links::byProblemReports);
    }

    public Map<Long, List<ServiceTroubleType>> byResourceTroubles(Collection<Long> resourceTroubleKeys) {
        return linked(resourceTroubleKeys, links::byResourceTroubles);
    }

    public Map<Long, List<ServiceTroubleType>> byServices(Collection<Long> serviceKeys) {
        return linked(serviceKeys, links::byServices);
    }
}
