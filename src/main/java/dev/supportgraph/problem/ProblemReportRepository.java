package dev.supportgraph.problem;

import dev.supportgraph.graph.Where;
import dev.supportgraph.ticket.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of problem reports through their links (see {@link dev.supportgraph.graph.ScopedReads}). */
@ApplicationScoped
public class ProblemReportRepository {

    @Inject
    StatelessSession session;

    /** {@code [serviceTroubleId, ProblemReport]} pairs through the link table, one statement. */
    public List<Object[]> byServiceTroubles(Collection<Long> serviceTroubleIds, Where scope) {
        return TicketLinks.linked(session, ProblemReport.class, ProblemReportServiceTrouble.class,
                "fromId", "toId", serviceTroubleIds, scope);
    }
}
