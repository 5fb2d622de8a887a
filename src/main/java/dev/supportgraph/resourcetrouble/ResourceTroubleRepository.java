package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.Where;
import dev.supportgraph.servicetrouble.ServiceTroubleResourceTrouble;
import dev.supportgraph.ticket.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of resource troubles through their links (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ResourceTroubleRepository {

    @Inject
    StatelessSession session;

    /** {@code [serviceTroubleId, ResourceTrouble]} pairs. */
    public List<Object[]> byServiceTroubles(Collection<Long> serviceTroubleIds) {
        return TicketLinks.linked(session, ResourceTrouble.class, ServiceTroubleResourceTrouble.class,
                "toId", "fromId", serviceTroubleIds, new Where());
    }
}
