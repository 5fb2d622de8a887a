package dev.supportgraph.problem;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import dev.supportgraph.sla.SlaService;
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

/** Reads of problem reports, always within the caller's customer scope (see {@link ScopedReads}). */
@ApplicationScoped
public class ProblemReportService implements NodeLoader {

    private ScopedReads<ProblemReport, ProblemReportType, ProblemReportFilter, TicketOrder> reports;

    @Inject
    ProblemReportRepository links;

    @Inject
    ProblemReportService(StatelessSession session, Caller caller, SlaService sla) {
        reports = new ScopedReads<>(session, caller, ProblemReport.class, "e.customerId", p -> p.id, p -> p.customerId,
                ProblemReportType::of, filter -> where(filter, caller, sla.window()), TicketOrder.orDefault(null));
    }

    /** Problem reports: the top-level list, each customer's, by id. */
    public ScopedReads<ProblemReport, ProblemReportType, ProblemReportFilter, TicketOrder> reports() {
        return reports;
    }

    public List<ProblemReportType> byIds(Collection<Long> ids) {
        return reports.byIds(ids);
    }

    /** The visible problem reports referring to each of {@code keys} through {@code reference}, newest first. */
    private Map<Long, List<ProblemReportType>> byReference(ProblemReportReference reference, Collection<Long> keys) {
        return reports.byParents(reference.path, keys, "e.createdAt desc, e.id desc", reference.key);
    }

    public Map<Long, List<ProblemReportType>> byServiceTroubles(Collection<Long> serviceTroubleKeys) {
        if (serviceTroubleKeys.isEmpty()) {
            return Map.of();
        }
        return TicketLinks.byParent(links.byServiceTroubles(serviceTroubleKeys, reports.scoped(new Where())),
                ProblemReport.class, ProblemReportType::of);
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

    private static Where where(ProblemReportFilter filter, Caller caller, SlaWindow sla) {
        Where where = TicketCriteria.where(filter, caller, sla);
        if (filter != null) {
            where.in("e.channel", filter.channel());
            if (filter.customerId() != null) {
                where.eq("e.customerId", GlobalId.decode(CustomerType.TYPE, filter.customerId()));
            }
        }
        return where;
    }
}
