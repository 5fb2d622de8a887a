package dev.supportgraph.sla;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.graph.GlobalId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires a ticket's due clock events, each in the ticket's own transaction. Exactly once per
 * (report, kind) whatever the number of evaluators: the sla_event insert is
 * {@code on conflict do nothing}, so a second evaluator blocks on the unique index until the
 * first commits and then inserts nothing (and so publishes and credits nothing). Evaluators work
 * through tickets in id order and kinds in declaration order, so they cannot deadlock.
 */
@ApplicationScoped
public class SlaFiring {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SlaConfig config;

    /** Returns how many events this call fired. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fire(SlaTicket ticket, SlaTimeline.Reading reading, List<SlaEventKind> due, Instant now) {
        int fired = 0;
        for (SlaEventKind kind : due) {
            Instant dueAt = kind.response() ? reading.responseDueAt() : reading.resolutionDueAt();
            List<?> inserted = em.createNativeQuery("""
                            insert into sla_event (problem_report_id, customer_id, kind, due_at, fired_at)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing returning id""")
                    .setParameter(1, ticket.id()).setParameter(2, ticket.customerId()).setParameter(3, kind.name())
                    .setParameter(4, utc(dueAt)).setParameter(5, utc(now))
                    .getResultList();
            if (inserted.isEmpty()) {
                continue;
            }
            fired++;
            long eventId = ((Number) inserted.getFirst()).longValue();
            Map<String, Object> payload = new HashMap<>();
            payload.put("problemReportId", GlobalId.encode("ProblemReport", ticket.id()));
            payload.put("number", ticket.number());
            payload.put("target", kind.target());
            payload.put("dueAt", utc(dueAt).toString());
            payload.put("elapsedSeconds", reading.elapsed().toSeconds());
            payload.put("policyId", ticket.policy().getId());
            outbox.publish(kind.breach() ? EventType.SLA_BREACHED : EventType.SLA_AT_RISK, TicketKind.PROBLEM_REPORT.name(), ticket.id(), ticket.customerId(), payload);
            if (kind == SlaEventKind.RESOLUTION_BREACHED) {
                credit(ticket, eventId, now);
            }
        }
        return fired;
    }

    /**
     * Applies pending credits of customers that now have an open invoice. Rows are claimed with
     * {@code for update skip locked}, so replicas share the work instead of waiting on each other.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int applyPending(int limit, Instant now) {
        List<?> pending = em.createNativeQuery("""
                        select sc.id from service_credit sc
                        where sc.adjustment_id is null and exists (select 1 from invoice i where i.customer_id = sc.customer_id
                              and i.currency = sc.currency and i.state in ('NEW', 'VALIDATED')
                              and i.total_amount - i.adjusted_amount - i.paid_amount >= sc.amount)
                        order by sc.id limit ?1 for update of sc skip locked""")
                .setParameter(1, limit).getResultList();
        int applied = 0;
        for (Object id : pending) {
            applied += apply(((Number) id).longValue(), now) ? 1 : 0;
        }
        return applied;
    }

    /**
     * The policy's credit for a breached resolution: its fixed amount plus its percentage of the
     * monthly charge of the service the report is about (when that service is billed in the
     * policy's currency). Nothing when that comes to zero.
     */
    private void credit(SlaTicket ticket, long eventId, Instant now) {
        SlaPolicyType policy = ticket.policy();
        BigDecimal base = BigDecimal.ZERO;
        if (ticket.relatedServiceId() != null) {
            List<?> charge = em.createNativeQuery("select monthly_charge from service where id = ?1 and currency = ?2")
                    .setParameter(1, ticket.relatedServiceId()).setParameter(2, policy.creditAmount().currency())
                    .getResultList();
            base = charge.isEmpty() ? BigDecimal.ZERO : (BigDecimal) charge.getFirst();
        }
        BigDecimal amount = new BigDecimal(policy.creditAmount().amount())
                .add(base.multiply(policy.percent()).movePointLeft(2)).setScale(2, RoundingMode.HALF_EVEN);
        if (amount.signum() <= 0) {
            return;
        }
        long creditId = ((Number) em.createNativeQuery("""
                        insert into service_credit (sla_event_id, problem_report_id, customer_id, amount, currency, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6) returning id""")
                .setParameter(1, eventId).setParameter(2, ticket.id()).setParameter(3, ticket.customerId())
                .setParameter(4, amount).setParameter(5, policy.creditAmount().currency()).setParameter(6, utc(now))
                .getSingleResult()).longValue();
        if (!apply(creditId, now)) {
            publishCredit(creditId, ticket.id(), ticket.customerId(), amount, policy.creditAmount().currency(), null);
        }
    }

    /**
     * Applies a pending credit to the customer's oldest open (NEW or VALIDATED) invoice in its
     * currency whose amount due covers it: an adjustment traceable to the problem report, the
     * invoice's adjusted amount. Like a manual adjustment, a credit never takes an invoice below
     * zero; it is not split either (one credit, one adjustment). False when there is no such
     * invoice (the credit stays pending for a later evaluation).
     */
    private boolean apply(long creditId, Instant now) {
        List<Object[]> credit = em.createNativeQuery("""
                        select sc.customer_id, sc.amount, sc.currency, sc.problem_report_id, p.number
                        from service_credit sc join problem_report p on p.id = sc.problem_report_id
                        where sc.id = ?1 and sc.adjustment_id is null for update of sc""", Object[].class)
                .setParameter(1, creditId).getResultList();
        if (credit.isEmpty()) {
            return false;
        }
        Object[] c = credit.getFirst();
        long customerId = ((Number) c[0]).longValue();
        BigDecimal amount = (BigDecimal) c[1];
        String currency = c[2].toString();
        long reportId = ((Number) c[3]).longValue();
        List<?> invoice = em.createNativeQuery("""
                        select id from invoice where customer_id = ?1 and currency = ?2 and state in ('NEW', 'VALIDATED')
                          and total_amount - adjusted_amount - paid_amount >= ?3
                        order by bill_date, id limit 1 for update""")
                .setParameter(1, customerId).setParameter(2, currency).setParameter(3, amount).getResultList();
        if (invoice.isEmpty()) {
            return false;
        }
        long invoiceId = ((Number) invoice.getFirst()).longValue();
        long adjustmentId = ((Number) em.createNativeQuery("""
                        insert into adjustment (invoice_id, customer_id, amount, reason, problem_report_id, created_by, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                .setParameter(1, invoiceId).setParameter(2, customerId).setParameter(3, amount)
                .setParameter(4, "SLA service credit for " + c[4] + " (resolution target breached)")
                .setParameter(5, reportId).setParameter(6, config.actor()).setParameter(7, utc(now))
                .getSingleResult()).longValue();
        em.createNativeQuery("""
                        update invoice set adjusted_amount = adjusted_amount + ?2, version = version + 1, updated_at = now()
                        where id = ?1""")
                .setParameter(1, invoiceId).setParameter(2, amount).executeUpdate();
        em.createNativeQuery("update service_credit set adjustment_id = ?2, applied_at = ?3 where id = ?1")
                .setParameter(1, creditId).setParameter(2, adjustmentId).setParameter(3, utc(now)).executeUpdate();
        publishCredit(creditId, reportId, customerId, amount, currency, invoiceId);
        return true;
    }

    private void publishCredit(long creditId, long reportId, long customerId, BigDecimal amount, String currency, Long invoiceId) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("problemReportId", GlobalId.encode("ProblemReport", reportId));
        payload.put("amount", amount.toPlainString());
        payload.put("currency", currency);
        payload.put("status", invoiceId == null ? "PENDING" : "APPLIED");
        payload.put("invoiceId", invoiceId == null ? null : GlobalId.encode("Invoice", invoiceId));
        outbox.publish(EventType.SERVICE_CREDIT_GRANTED, TicketKind.PROBLEM_REPORT.name(), reportId, customerId, payload);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
