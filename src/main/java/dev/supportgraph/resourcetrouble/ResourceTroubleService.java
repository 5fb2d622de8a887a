package dev.supportgraph.resourcetrouble;

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

/** Reads of resource troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ResourceTroubleService implements NodeLoader {

    private ScopedReads<ResourceTrouble, ResourceTroubleType, ResourceTroubleFilter, TicketOrder> troubles;

    @Inject
    ResourceTroubleRepository links;

    @Inject
    Caller caller;

    @Inject
    ResourceTroubleService(StatelessSession session, Caller caller, SlaService sla) {
        troubles = ScopedReads.staffOnly(session, caller, ResourceTrouble.class, t -> t.id, ResourceTroubleType::of,
                filter -> where(filter, caller, sla.window()), TicketOrder.orDefault(null));
    }

    /** Resource troubles: the top-level list and by id. */
    public ScopedReads<ResourceTrouble, ResourceTroubleType, ResourceTroubleFilter, TicketOrder> troubles() {
        return troubles;
    }

    public Map<Long, List<ResourceTroubleType>> byResources(Collection<Long> resourceKeys) {
        return troubles.byParents("e.resourceId", resourceKeys, "e.createdAt desc, e.id desc", ResourceTroubleType::resourceKey);
    }

    public Map<Long, List<ResourceTroubleType>> byServiceTroubles(Collection<Long> serviceTroubleKeys) {
        return StaffOnly.batch(caller, serviceTroubleKeys, () -> TicketLinks.byParent(
                links.byServiceTroubles(serviceTroubleKeys), ResourceTrouble.class, ResourceTroubleType::of));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ResourceTroubleType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return troubles.byIds(ids);
    }

    private static Where where(ResourceTroubleFilter filter, Caller caller, SlaWindow sla) {
        Where where = TicketCriteria.where(filter, caller, sla);
        if (filter != null) {
            where.in("e.perceivedSeverity", filter.perceivedSeverity());
        }
        return where;
    }
}
