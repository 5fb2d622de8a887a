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
import java.util.stream.Collectors;

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

    /**
     * The newest {@code limit} problem reports of each customer in one statement (a lateral join
     * runs the per-customer top-N on the (customer_id, id) index once per customer).
     */
    @SuppressWarnings("unchecked")
    public List<ProblemReport> newestByCustomers(Collection<Long> customerIds, int limit) {
        return getEntityManager().createNativeQuery("""
                        select p.* from customer c
                        cross join lateral (select x.* from problem_report x where x.customer_id = c.id
                                            order by x.created_at desc, x.id desc limit :limit) p
                        where c.id in (:ids)""", ProblemReport.class)
                .setParameter("ids", customerIds)
                .setParameter("limit", limit)
                .getResultList();
    }

    public Map<Long, Long> countByCustomers(Collection<Long> customerIds) {
        return getEntityManager().createQuery("select e.customerId, count(e) from ProblemReport e"
                        + " where e.customerId in :ids group by e.customerId", Object[].class)
                .setParameter("ids", customerIds)
                .getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }
}
