package dev.supportgraph.servicetrouble;

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
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of service troubles, for staff only (see {@link StaffOnly}). */
@ApplicationScoped
public class ServiceTroubleService implements NodeLoader {

    @Inject
    ServiceTroubleRepository troubles;

    @Inject
    Caller caller;

    public Page<ServiceTroubleType> page(PageRequest request, ServiceTroubleFilter filter, TicketOrder order) {
        TicketOrder effective = TicketOrder.orDefault(order);
        return StaffOnly.read(caller, Page::empty, () -> troubles.page(where(filter), effective.field().key, effective.descending(),
                request).map(ServiceTroubleType::of));
    }

    public long count(ServiceTroubleFilter filter) {
        return StaffOnly.read(caller, () -> 0L, () -> troubles.count(where(filter)));
    }

    public Map<Long, ServiceTroubleType> byIds(Collection<Long> ids) {
        return StaffOnly.batch(caller, ids, () -> troubles.byIds(ids).stream().map(ServiceTroubleType::of)
                .collect(Collectors.toMap(ServiceTroubleType::key, Function.identity())));
    }

    public Map<Long, List<ServiceTroubleType>> children(Collection<Long> parentKeys) {
        return StaffOnly.batch(caller, parentKeys, () -> troubles.byParents(parentKeys).stream()
                .map(ServiceTroubleType::of).collect(Collectors.groupingBy(ServiceTroubleType::parentKey)));
    }

    public Map<Long, List<ServiceTroubleType>> byProblemReports(Collection<Long> problemReportKeys) {
        return StaffOnly.batch(caller, problemReportKeys, () -> TicketLinks.byParent(troubles.byProblemReports(problemReportKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    public Map<Long, List<ServiceTroubleType>> byResourceTroubles(Collection<Long> resourceTroubleKeys) {
        return StaffOnly.batch(caller, resourceTroubleKeys, () -> TicketLinks.byParent(troubles.byResourceTroubles(resourceTroubleKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    public Map<Long, List<ServiceTroubleType>> byServices(Collection<Long> serviceKeys) {
        return StaffOnly.batch(caller, serviceKeys, () -> TicketLinks.byParent(troubles.byServices(serviceKeys),
                ServiceTrouble.class, ServiceTroubleType::of));
    }

    /** The ids of the services each trouble affects. */
    public Map<Long, List<Long>> affectedServiceKeys(Collection<Long> troubleKeys) {
        return StaffOnly.batch(caller, troubleKeys, () -> troubles.affectedServices(troubleKeys).stream().collect(Collectors.groupingBy(
                l -> l.serviceTroubleId, Collectors.mapping(l -> l.serviceId, Collectors.toList()))));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ServiceTroubleType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return List.copyOf(byIds(ids).values());
    }

    private static Where where(ServiceTroubleFilter filter) {
        Where where = TicketCriteria.where(filter);
        if (filter != null) {
            where.in("e.impact", filter.impact());
        }
        return where;
    }
}
