package dev.supportgraph.problem;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.TicketCriteria;
import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.ticket.TicketOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of problem reports, always within the caller's customer scope. */
@ApplicationScoped
@Transactional
public class ProblemReportService implements NodeLoader {

    @Inject
    ProblemReportRepository reports;

    @Inject
    Caller caller;

    public Page<ProblemReportType> page(PageRequest request, ProblemReportFilter filter, TicketOrder order) {
        TicketOrder effective = TicketOrder.orDefault(order);
        return reports.page(where(filter), effective.field().key, effective.descending(), request)
                .map(ProblemReportType::of);
    }

    public long count(ProblemReportFilter filter) {
        return reports.count(where(filter));
    }

    public List<ProblemReportType> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : reports.list(scoped(new Where()).in("e.id", ids)).stream().map(ProblemReportType::of).toList();
    }

    /** The visible problem reports referring to each of {@code keys} through {@code reference}, newest first. */
    private Map<Long, List<ProblemReportType>> byReference(ProblemReportReference reference, Collection<Long> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return reports.list(scoped(new Where()).in(reference.path, keys)).stream().collect(Collectors.groupingBy(
                reference.getter, Collectors.mapping(ProblemReportType::of, Collectors.toList())));
    }

    public Map<Long, List<ProblemReportType>> byServiceTroubles(Collection<Long> serviceTroubleKeys) {
        if (serviceTroubleKeys.isEmpty()) {
            return Map.of();
        }
        return TicketLinks.byParent(reports.byServiceTroubles(serviceTroubleKeys, scoped(new Where())), ProblemReport.class,
                ProblemReportType::of);
    }

    /** A page of each visible customer's problem reports under the filter, one statement. */
    public Map<Long, Page<ProblemReportType>> pagesByCustomer(Collection<Long> customerKeys, PageRequest request,
                                                              ProblemReportFilter filter, TicketOrder order) {
        TicketOrder effective = TicketOrder.orDefault(order);
        Map<Long, Page<ProblemReportType>> pages = new HashMap<>();
        reports.pagesPerCustomer(customerKeys, where(filter), effective.field().key, effective.descending(), request)
                .forEach((customer, page) -> pages.put(customer, page.map(ProblemReportType::of)));
        return pages;
    }

    /** How many problem reports each customer has under the filter (one grouped statement); absent = 0. */
    public Map<Long, Long> countByCustomer(Collection<Long> customerKeys, ProblemReportFilter filter) {
        return reports.countPerCustomer(customerKeys, where(filter));
    }

    public Map<Long, List<ProblemReportType>> byContacts(Collection<Long> contactKeys) {
        return byReference(ProblemReportReference.REPORTED_BY, contactKeys);
    }

    public Map<Long, List<ProblemReportType>> byOrders(Collection<Long> orderKeys) {
        return byReference(ProblemReportReference.RELATED_ORDER, orderKeys);
    }

    public Map<Long, List<ProblemReportType>> byServices(Collection<Long> serviceKeys) {
        return byReference(ProblemReportReference.RELATED_SERVICE, serviceKeys);
    }

    public Map<Long, List<ProblemReportType>> byInvoices(Collection<Long> invoiceKeys) {
        return byReference(ProblemReportReference.RELATED_INVOICE, invoiceKeys);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(ProblemReportType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return byIds(ids);
    }

    /** Confines {@code where} to a portal customer's own problem reports. */
    private Where scoped(Where where) {
        caller.customerScope().ifPresent(scope -> where.eq("e.customerId", scope));
        return where;
    }

    private Where where(ProblemReportFilter filter) {
        Where where = scoped(TicketCriteria.where(filter));
        if (filter != null) {
            where.in("e.channel", filter.channel());
            if (filter.customerId() != null) {
                where.eq("e.customerId", GlobalId.decode(CustomerType.TYPE, filter.customerId()));
            }
        }
        return where;
    }
}
