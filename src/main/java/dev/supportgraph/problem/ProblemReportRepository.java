package dev.supportgraph.problem;

import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketLinks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProblemReportRepository implements PanacheRepositoryBase<ProblemReport, Long> {

    public Page<ProblemReport> page(Where where, SortKey<TicketEntity> key, boolean descending, PageRequest request) {
        return Keyset.page(getEntityManager(), ProblemReport.class, where, key, descending, request, p -> p.id);
    }

    public long count(Where where) {
        return Keyset.count(getEntityManager(), ProblemReport.class, where);
    }

    /** The problem reports matching {@code where}, newest first (reverse edges). */
    public List<ProblemReport> list(Where where) {
        var query = getEntityManager().createQuery("select e from ProblemReport e where " + where.hql()
                + " order by e.createdAt desc, e.id desc", ProblemReport.class);
        where.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /** {@code [serviceTroubleId, ProblemReport]} pairs through the link table, one statement. */
    public List<Object[]> byServiceTroubles(Collection<Long> serviceTroubleIds, Where scope) {
        return TicketLinks.linked(getEntityManager(), ProblemReport.class, ProblemReportServiceTrouble.class,
                "problemReportId", "serviceTroubleId", serviceTroubleIds, scope);
    }

    /** A page of each customer's problem reports, one statement for all customers. */
    public Map<Long, Page<ProblemReport>> pagesPerCustomer(Collection<Long> customerIds, Where where,
                                                          SortKey<TicketEntity> key, boolean descending,
                                                          PageRequest request) {
        return Keyset.pagesPerParent(getEntityManager(), ProblemReport.class, "e.customerId", customerIds, where, key,
                descending, request, p -> p.id, p -> p.customerId);
    }

    public Map<Long, Long> countPerCustomer(Collection<Long> customerIds, Where where) {
        return Keyset.countPerParent(getEntityManager(), ProblemReport.class, "e.customerId", customerIds, where);
    }
}
