package dev.supportgraph.impact;

import dev.supportgraph.customer.CustomerSegment;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Cursor;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Impact analysis of service and resource troubles; staff only, each batch one statement per level. */
@ApplicationScoped
public class ImpactService {

    /** Affected customers are listed in id order; their cursors carry this ordering's name. */
    private static final String ORDERING = "CUSTOMER_ID";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CustomerService customers;

    /**
     * A page of each trouble's affected customers: one statement picks the ids of every page
     * ({@code row_number()} per trouble), a second loads those customers.
     */
    public Map<Long, Page<CustomerType>> affectedCustomers(Affected affected, Collection<Long> troubleIds, PageRequest request) {
        Map<Long, Page<CustomerType>> pages = StaffOnly.batch(caller, troubleIds, () -> {
            Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), ORDERING);
            boolean ascending = !request.backward();
            List<Object[]> rows = em.createNativeQuery("""
                            select trouble_id, customer_id from (
                                select p.trouble_id, p.customer_id,
                                       row_number() over (partition by p.trouble_id order by p.customer_id %s) as rn
                                from (select distinct a.trouble_id, s.customer_id from (%s) a join service s on s.id = a.service_id) p
                                where p.customer_id %s :cursor) r
                            where rn <= :size order by trouble_id, rn""".formatted(ascending ? "asc" : "desc", affected.pairs,
                            ascending ? ">" : "<"), Object[].class)
                    .setParameter("ids", KeyList.of(troubleIds)).setParameter("size", request.size() + 1)
                    .setParameter("cursor", cursor != null ? cursor.id() : ascending ? Long.MIN_VALUE : Long.MAX_VALUE)
                    .getResultList();
            Map<Long, List<Long>> ids = new LinkedHashMap<>();
            rows.forEach(r -> ids.computeIfAbsent(key(r[0]), k -> new ArrayList<>()).add(key(r[1])));
            Map<Long, CustomerType> loaded = customers.mapByIds(ids.values().stream().flatMap(List::stream).distinct().toList());
            Map<Long, Page<CustomerType>> result = new LinkedHashMap<>();
            ids.forEach((trouble, list) -> result.put(trouble, Page.fromFetched(list, request, cursor != null,
                    id -> new Cursor(ORDERING, "", id).encode()).map(loaded::get)));
            return result;
        });
        Map<Long, Page<CustomerType>> all = new LinkedHashMap<>();
        troubleIds.forEach(id -> all.put(id, pages.getOrDefault(id, Page.empty())));
        return all;
    }

    /** The impact aggregates of each trouble, in one statement (absent = no impact). */
    public Map<Long, TroubleImpact> impact(Affected affected, Collection<Long> troubleIds) {
        return StaffOnly.batch(caller, troubleIds, () -> {
            List<Object[]> rows = em.createNativeQuery("""
                            with a as (%s),
                            ac as (select a.trouble_id, a.service_id, s.customer_id, s.monthly_charge, s.currency, c.segment
                                   from a join service s on s.id = a.service_id join customer c on c.id = s.customer_id)
                            select trouble_id, 'SEGMENT' as kind, segment as label, count(distinct customer_id) as n, null::numeric as amount
                              from ac group by trouble_id, segment
                            union all
                            select trouble_id, 'REVENUE', currency::text, null::bigint, sum(monthly_charge)
                              from ac group by trouble_id, currency
                            union all
                            select ac.trouble_id, 'OPEN_REPORTS', null, count(distinct p.id), null
                              from ac join problem_report p on p.status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD')
                               and (p.related_service_id = ac.service_id or exists (
                                   select 1 from problem_report_service_trouble l
                                   join service_trouble_service sts on sts.service_trouble_id = l.service_trouble_id
                                   where l.problem_report_id = p.id and sts.service_id = ac.service_id))
                             group by ac.trouble_id
                            order by 1, 2, 3""".formatted(affected.pairs), Object[].class)
                    .setParameter("ids", KeyList.of(troubleIds)).getResultList();
            Map<Long, TroubleImpact> impacts = new LinkedHashMap<>();
            rows.stream().collect(Collectors.groupingBy(r -> key(r[0]), LinkedHashMap::new, Collectors.toList()))
                    .forEach((trouble, list) -> impacts.put(trouble, impact(list)));
            return impacts;
        });
    }

    private static TroubleImpact impact(List<Object[]> rows) {
        List<SegmentImpact> segments = new ArrayList<>();
        List<Money> revenue = new ArrayList<>();
        int openReports = 0;
        for (Object[] r : rows) {
            switch ((String) r[1]) {
                case "SEGMENT" -> segments.add(new SegmentImpact(CustomerSegment.valueOf((String) r[2]), (int) key(r[3])));
                case "REVENUE" -> revenue.add(Money.of((BigDecimal) r[4], (String) r[2]));
                default -> openReports = (int) key(r[3]);
            }
        }
        return new TroubleImpact(segments.stream().mapToInt(SegmentImpact::customers).sum(), segments, openReports, revenue);
    }

    private static long key(Object column) {
        return ((Number) column).longValue();
    }
}
