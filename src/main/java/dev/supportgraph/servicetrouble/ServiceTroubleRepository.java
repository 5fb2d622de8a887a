package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.Where;
import dev.supportgraph.problem.ProblemReportServiceTrouble;
import dev.supportgraph.ticket.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of service troubles through their links (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ServiceTroubleRepository {

    @Inject
    StatelessSession session;

    /** {@code [problemReportId, ServiceTrouble]} pairs. */
    public List<Object[]> byProblemReports(Collection<Long> problemReportIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, ProblemReportServiceTrouble.class,
                "toId", "fromId", problemReportIds, new Where());
    }

    /** {@code [resourceTroubleId, ServiceTrouble]} pairs. */
    public List<Object[]> byResourceTroubles(Collection<Long> resourceTroubleIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, ServiceTroubleResourceTrouble.class,
                "fromId", "toId", resourceTroubleIds, new Where());
    }

    /** {@code [serviceId, ServiceTrouble]} pairs. */
    public List<Object[]> byServices(Collection<Long> serviceIds) {
        return TicketLinks.linked(session, ServiceTrouble.class, AffectedService.class,
                "fromId", "toId", serviceIds, new Where());
    }
}
