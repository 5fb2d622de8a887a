package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.servicetrouble.ServiceTroubleResourceTrouble;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/** Read-only loading of resource troubles (see {@link dev.supportgraph.graph.ScopedReads} for the session). */
@ApplicationScoped
public class ResourceTroubleRepository {

    @Inject
    StatelessSession session;

    public Page<ResourceTrouble> page(Where where, SortKey<TicketEntity> key, boolean descending, PageRequest request) {
        return Keyset.page(session, ResourceTrouble.class, where, key, descending, request, t -> t.id);
    }

    public long count(Where where) {
        return Keyset.count(session, ResourceTrouble.class, where);
    }

    public List<ResourceTrouble> byIds(Collection<Long> ids) {
        return KeyList.load(session, ResourceTrouble.class, "e.id", ids, "e.id");
    }

    /** The troubles of all given resources, newest first. */
    public List<ResourceTrouble> byResources(Collection<Long> resourceIds) {
        return KeyList.load(session, ResourceTrouble.class, "e.resourceId", resourceIds, "e.createdAt desc, e.id desc");
    }

    /** {@code [serviceTroubleId, ResourceTrouble]} pairs. */
    public List<Object[]> byServiceTroubles(Collection<Long> serviceTroubleIds) {
        return TicketLinks.linked(session, ResourceTrouble.class, ServiceTroubleResourceTrouble.class,
                "resourceTroubleId", "serviceTroubleId", serviceTroubleIds, new Where());
    }
}
