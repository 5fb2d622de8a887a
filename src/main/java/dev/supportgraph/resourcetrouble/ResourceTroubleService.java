package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.StaffOnly;
import dev.supportgraph.ticket.TicketCriteria;
import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.ticket.TicketOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of resource troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ResourceTroubleService implements NodeLoader {

    @Inject
    ResourceTroubleRepository troubles;

    @Inject
    Caller caller;

    public Page<ResourceTroubleType> page(PageRequest request, ResourceTroubleFilter filter, TicketOrder order) {
        TicketOrder effective = TicketOrder.orDefault(order);
        return StaffOnly.read(caller, Page::empty, () -> troubles.page(where(filter), effective.field().key,
                effective.descending(), request).map(ResourceTroubleType::of));
    }

    public long count(ResourceTroubleFilter filter) {
        return StaffOnly.read(caller, () -> 0L, () -> troubles.count(where(filter)));
    }

    public List<ResourceTroubleType> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : StaffOnly.read(caller, List::of, () -> troubles.byIds(ids).stream().map(ResourceTroubleType::of).toList());
    }

    public Map<Long, List<ResourceTroubleType>> byResources(Collection<Long> resourceKeys) {
        return StaffOnly.batch(caller, resourceKeys, () -> troubles.byResources(resourceKeys).stream()
                .map(ResourceTroubleType::of).collect(Collectors.groupingBy(ResourceTroubleType::resourceKey)));
    }

    public Map<Long, List<ResourceTroubleType>> byServiceTroubles(Collection<Long> serviceTroubleKeys) {
        return StaffOnly.batch(caller, serviceTroubleKeys, () -> TicketLinks.byParent(
                troubles.byServiceTroubles(serviceTroubleKeys), ResourceTrouble.class, ResourceTroubleType::of));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ResourceTroubleType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return byIds(ids);
    }

    private static Where where(ResourceTroubleFilter filter) {
        Where where = TicketCriteria.where(filter);
        if (filter != null) {
            where.in("e.perceivedSeverity", filter.perceivedSeverity());
        }
        return where;
    }
}
