package dev.supportgraph.sla;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.SlaWindow;
import dev.supportgraph.ticket.SlaWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of SLA policies, clocks and credits; each batch is one statement. */
@ApplicationScoped
public class SlaService implements NodeLoader, SlaWindows {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    SlaConfig config;

    /** Now on the SLA clocks' clock, with the at-risk warning time: what queue filters judge SLA states by. */
    @Override
    public SlaWindow window() {
        return new SlaWindow(clock.instant(), config.atRiskBefore());
    }

    /** The versions in force, or every version. */
    public List<SlaPolicyType> policies(boolean includeHistory) {
        return policies(includeHistory ? "" : "where sp.valid_to is null", List.of());
    }

    /** The clock of each ticket (callers pass tickets the caller may already see); none where no policy applies. */
    public Map<Long, SlaClockType> clocks(SlaSubject subject, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("select " + subject.columns() + " from " + subject.from + " where p.id = any(:ids)",
                Object[].class).setParameter("ids", KeyList.of(ids)).getResultList();
        var now = clock.instant();
        return rows.stream().map(SlaTicket::of).filter(t -> t.customerId() == null || caller.canSeeCustomer(t.customerId()))
                .collect(Collectors.toMap(SlaTicket::id, t -> SlaClockType.of(t.policy(), t.read(config.atRiskBefore(), now))));
    }

    /**
     * The clocks of resource troubles (public for the resource trouble room, which owns the type: the
     * SLA room naming it would close a package cycle through the troubles' links).
     */
    public Map<Long, SlaClockType> resourceTroubleClocks(Collection<Long> ids) {
        return clocks(SlaSubject.RESOURCE_TROUBLE, ids);
    }

    /** Open problem reports whose clocks may still fire, after {@code afterId} in id order (the evaluator's own transaction). */
    @Transactional
    public List<SlaTicket> openTickets(long afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("select " + SlaSubject.PROBLEM_REPORT.columns() + " from " + SlaSubject.PROBLEM_REPORT.from + " " + """
                         where p.status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD') and p.id > :after
                           and fired.resolution_breached is not true
                         order by p.id limit :limit""", Object[].class)
                .setParameter("after", afterId).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(SlaTicket::of).toList();
    }

    public Map<Long, List<ServiceCreditType>> creditsByProblemReports(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select sc.id, sc.problem_report_id, sc.adjustment_id, sc.amount, sc.currency, e.kind, e.fired_at, sc.applied_at, sc.customer_id
                        from service_credit sc join sla_event e on e.id = sc.sla_event_id
                        where sc.problem_report_id = any(:ids) order by sc.id""", Object[].class)
                .setParameter("ids", KeyList.of(reportIds)).getResultList();
        return rows.stream().filter(r -> caller.canSeeCustomer(((Number) r[8]).longValue()))
                .map(r -> new ServiceCreditType(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        r[2] == null ? null : ((Number) r[2]).longValue(), Money.of((BigDecimal) r[3], r[4].toString()),
                        SlaEventKind.valueOf((String) r[5]), utc(r[6]), r[7] == null ? null : utc(r[7])))
                .collect(Collectors.groupingBy(ServiceCreditType::problemReportKey));
    }

    private static OffsetDateTime utc(Object column) {
        return SlaTicket.instant(column).atOffset(ZoneOffset.UTC);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(SlaPolicyType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : policies("where sp.id = any(:ids)", ids);
    }

    private List<SlaPolicyType> policies(String where, Collection<Long> ids) {
        var query = em.createNativeQuery("select " + SlaPolicyType.COLUMNS + " from sla_policy sp " + where
                + " order by sp.segment, sp.priority, sp.category_ids nulls first, sp.version", Object[].class);
        if (!ids.isEmpty()) {
            query.setParameter("ids", KeyList.of(ids));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> SlaPolicyType.of(r, 0)).toList();
    }
}
