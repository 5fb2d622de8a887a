package dev.supportgraph.resourcetrouble;

import dev.supportgraph.security.Caller;
import dev.supportgraph.sla.SlaService;
import dev.supportgraph.ticket.StaffTicketService;
import dev.supportgraph.ticket.TicketKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads of resource troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ResourceTroubleService extends StaffTicketService<ResourceTrouble, ResourceTroubleType, ResourceTroubleFilter> {

    @Inject
    ResourceTroubleRepository links;

    @Inject
    ResourceTroubleService(StatelessSession session, Caller caller, SlaService sla) {
        reads(session, caller, sla::window, TicketKind.RESOURCE_TROUBLE, ResourceTrouble.class, ResourceTroubleType::of,
                (where, filter) -> where.in("e.perceivedSeverity", filter.perceivedSeverity()));
    }

    public Map<Long, List<ResourceTroubleType>> byResources(Collection<Long> resourceKeys) {
        return troubles().byParents("e.resourceId", resourceKeys, "e.createdAt desc, e.id desc", ResourceTroubleType::resourceKey);
    }

    public Map<Long, List<ResourceTroubleType>> byServiceTroubles(Collection<Long> serviceTroubleKeys) {
        return linked(serviceTroubleKeys, links::byServiceTroubles);
    }
}
