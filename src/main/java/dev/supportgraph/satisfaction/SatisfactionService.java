package dev.supportgraph.satisfaction;

import dev.supportgraph.customer.CustomerSegment;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.ticket.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Customers rate closed problem reports once; staff read the aggregates. */
@ApplicationScoped
public class SatisfactionService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /** The portal user of the report's customer rates its resolution, once, after it was closed. */
    @Transactional
    public SatisfactionRatingType rate(RateInput input) {
        caller.require(Role.CUSTOMER);
        long id = Inputs.id("ProblemReport", input.id(), "input", "id");
        List<Object[]> found = em.createNativeQuery("select customer_id, status, number from problem_report where id = ?1", Object[].class)
                .setParameter(1, id).getResultList();
        if (found.isEmpty() || !caller.canSeeCustomer(((Number) found.getFirst()[0]).longValue())) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Problem report not found: " + input.id());
        }
        long customerId = ((Number) found.getFirst()[0]).longValue();
        if (!"CLOSED".equals(found.getFirst()[1])) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "Only a closed problem report can be rated");
        }
        if (input.score() < 1 || input.score() > 5) {
            throw ApiException.badInput("score is 1 to 5", "input", "score");
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : Inputs.text(input.comment(), 2000, "input", "comment");
        List<?> created = em.createNativeQuery("""
                        insert into satisfaction_rating (problem_report_id, customer_id, score, comment, rated_by)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (problem_report_id) do nothing returning created_at""")
                .setParameter(1, id).setParameter(2, customerId).setParameter(3, input.score()).setParameter(4, comment)
                .setParameter(5, caller.name()).getResultList();
        if (created.isEmpty()) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "This problem report was already rated");
        }
        outbox.publish(EventType.PROBLEM_REPORT_RATED, TicketKind.PROBLEM_REPORT.name(), id, customerId, Map.of(
                "problemReportId", GlobalId.encode("ProblemReport", id), "number", found.getFirst()[2], "score", input.score()));
        return new SatisfactionRatingType(id, input.score(), comment, utc(created.getFirst()));
    }

    /** The ratings of the given (already visible) reports. */
    public Map<Long, SatisfactionRatingType> ratings(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select problem_report_id, score, comment, created_at from satisfaction_rating where problem_report_id = any(:ids)""",
                        Object[].class).setParameter("ids", KeyList.of(reportIds)).getResultList();
        return rows.stream().map(r -> new SatisfactionRatingType(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], utc(r[3]))).collect(Collectors.toMap(SatisfactionRatingType::problemReportKey, Function.identity()));
    }

    /** Average and count per customer (already visible customers), one grouped statement. */
    public Map<Long, SatisfactionSummary> byCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select customer_id, avg(score)::float8, count(*) from satisfaction_rating where customer_id = any(:ids) group by customer_id""",
                        Object[].class).setParameter("ids", KeyList.of(customerIds)).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                r -> new SatisfactionSummary(((Number) r[1]).doubleValue(), ((Number) r[2]).intValue())));
    }

    /** Staff only: average and count per customer segment (segments without ratings left out). */
    public List<SegmentSatisfaction> bySegment() {
        return StaffOnly.read(caller, List::of, () -> {
            List<Object[]> rows = em.createNativeQuery("""
                            select c.segment, avg(r.score)::float8, count(*) from satisfaction_rating r join customer c on c.id = r.customer_id
                            group by c.segment order by c.segment""", Object[].class).getResultList();
            return rows.stream().map(r -> new SegmentSatisfaction(CustomerSegment.valueOf((String) r[0]),
                    ((Number) r[1]).doubleValue(), ((Number) r[2]).intValue())).toList();
        });
    }

    private static OffsetDateTime utc(Object column) {
        Instant at = column instanceof OffsetDateTime time ? time.toInstant() : (Instant) column;
        return at.atOffset(ZoneOffset.UTC);
    }
}
