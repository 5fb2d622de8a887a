package dev.supportgraph.sla;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires the due clock events of a batch of tickets in one transaction of a few statements
 * (events, credits, invoice locks, adjustments, and the outbox's one statement at commit),
 * whatever the batch size. Exactly once per (report, kind) whatever the number of evaluators:
 * the sla_event insert is {@code on conflict do nothing}, so a second evaluator blocks on the
 * unique index until the first commits and then inserts nothing for those rows (and so publishes
 * and credits nothing for them). Every evaluator inserts in ticket id order and kinds in
 * declaration order, and locks invoices in id order in one statement after its inserts, so
 * evaluators cannot deadlock.
 */
@ApplicationScoped
public class SlaFiring {

    /**
     * Inserts the events given as a JSON array of sla_event rows, in array order; returns those
     * that were new with the related service's monthly charge for the breached resolutions.
     */
    private static final String FIRE = """
            with fired as (
                insert into sla_event (problem_report_id, customer_id, kind, due_at, fired_at)
                select e.problem_report_id, e.customer_id, e.kind, e.due_at, e.fired_at
                from jsonb_populate_recordset(null::sla_event, cast(?1 as jsonb)) with ordinality e
                order by e.ordinality
                on conflict do nothing
                returning id, problem_report_id, kind)
            select f.id, f.problem_report_id, f.kind, s.monthly_charge, s.currency
            from fired f left join problem_report p on f.kind = 'RESOLUTION_BREACHED' and p.id = f.problem_report_id
            left join service s on s.id = p.related_service_id""";

    /**
     * Writes the credits given as a JSON array of adjustment rows (?1): the adjustments, the
     * invoices' adjusted amounts, and each credit's adjustment (?3 the credit ids). A report has
     * at most one credit (only its one RESOLUTION_BREACHED event earns one), so the report ties
     * a credit to its adjustment.
     */
    private static final String APPLY = """
            with applied as (
                select * from jsonb_populate_recordset(null::adjustment, cast(?1 as jsonb)) with ordinality a),
            adjustments as (
                insert into adjustment (invoice_id, customer_id, amount, reason, problem_report_id, created_by, created_at)
                select invoice_id, customer_id, amount, reason, problem_report_id, created_by, created_at
                from applied order by ordinality
                returning id, problem_report_id),
            invoices as (
                update invoice i set adjusted_amount = i.adjusted_amount + s.amount, version = i.version + s.credits,
                                     updated_at = now()
                from (select invoice_id, sum(amount) as amount, count(*) as credits from applied group by invoice_id) s
                where i.id = s.invoice_id)
            update service_credit sc set adjustment_id = a.id, applied_at = ?2
            from adjustments a where sc.problem_report_id = a.problem_report_id and sc.id = any(?3)""";

    /** A ticket's due events that have not fired yet, in declaration order, at one reading. */
    record Due(SlaTicket ticket, SlaTimeline.Reading reading, List<SlaEventKind> kinds) {
    }

    /** A credit not applied yet, with what its adjustment needs. */
    private record Credit(long id, long reportId, String number, long customerId, BigDecimal amount, String currency) {

        Credit withId(long creditId) {
            return new Credit(creditId, reportId, number, customerId, amount, currency);
        }
    }

    /** An open invoice a credit may go to; {@code due} shrinks as credits are allocated to it. */
    private static final class OpenInvoice {
        final long id;
        final long customerId;
        final String currency;
        final LocalDate billDate;
        BigDecimal due;

        OpenInvoice(Object[] row) {
            id = ((Number) row[0]).longValue();
            customerId = ((Number) row[1]).longValue();
            currency = row[2].toString();
            due = (BigDecimal) row[3];
            billDate = (LocalDate) row[4];
        }
    }

    private record EventKey(long reportId, SlaEventKind kind) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SlaConfig config;

    /** Fires the due events of {@code batch} (tickets in id order); returns how many were new. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fire(List<Due> batch, Instant now) {
        JsonArray rows = new JsonArray();
        for (Due due : batch) {
            for (SlaEventKind kind : due.kinds()) {
                rows.add(new JsonObject().put("problem_report_id", due.ticket().id()).put("customer_id", due.ticket().customerId())
                        .put("kind", kind.name()).put("due_at", utc(dueAt(due.reading(), kind)).toString())
                        .put("fired_at", utc(now).toString()));
            }
        }
        List<Object[]> inserted = em.createNativeQuery(FIRE, Object[].class).setParameter(1, rows.encode()).getResultList();
        Map<EventKey, Object[]> fired = new HashMap<>();
        for (Object[] row : inserted) {
            fired.put(new EventKey(((Number) row[1]).longValue(), SlaEventKind.valueOf((String) row[2])), row);
        }
        Map<Long, Credit> credits = credit(batch, fired, now);
        Map<Long, Long> invoices = apply(List.copyOf(credits.values()), now);
        for (Due due : batch) {
            for (SlaEventKind kind : due.kinds()) {
                if (fired.containsKey(new EventKey(due.ticket().id(), kind))) {
                    publish(due, kind);
                }
            }
            Credit credit = credits.get(due.ticket().id());
            if (credit != null) {
                publishCredit(credit, invoices.get(credit.id()));
            }
        }
        return inserted.size();
    }

    /**
     * Applies pending credits of customers that now have an open invoice. Rows are claimed with
     * {@code for update skip locked}, so replicas share the work instead of waiting on each other.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int applyPending(int limit, Instant now) {
        List<Object[]> pending = em.createNativeQuery("""
                        select sc.id, sc.problem_report_id, p.number, sc.customer_id, sc.amount, sc.currency
                        from service_credit sc join problem_report p on p.id = sc.problem_report_id
                        where sc.adjustment_id is null and exists (select 1 from invoice i where i.customer_id = sc.customer_id
                              and i.currency = sc.currency and i.state in ('NEW', 'VALIDATED')
                              and i.total_amount - i.adjusted_amount - i.paid_amount >= sc.amount)
                        order by sc.id limit ?1 for update of sc skip locked""", Object[].class)
                .setParameter(1, limit).getResultList();
        List<Credit> credits = pending.stream().map(r -> new Credit(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).longValue(), (BigDecimal) r[4], r[5].toString())).toList();
        Map<Long, Long> invoices = apply(credits, now);
        for (Credit credit : credits) {
            if (invoices.containsKey(credit.id())) {
                publishCredit(credit, invoices.get(credit.id()));
            }
        }
        return invoices.size();
    }

    /**
     * Inserts the credits of the breached resolutions that just fired: the policy's fixed amount
     * plus its percentage of the monthly charge of the service the report is about (when that
     * service is billed in the policy's currency); none where that comes to zero. Returns them
     * by report, in ticket order.
     */
    private Map<Long, Credit> credit(List<Due> batch, Map<EventKey, Object[]> fired, Instant now) {
        JsonArray rows = new JsonArray();
        List<Credit> earned = new ArrayList<>();
        for (Due due : batch) {
            Object[] breach = fired.get(new EventKey(due.ticket().id(), SlaEventKind.RESOLUTION_BREACHED));
            if (breach == null) {
                continue;
            }
            SlaPolicyType policy = due.ticket().policy();
            String currency = policy.creditAmount().currency();
            BigDecimal base = breach[3] != null && currency.equals(breach[4].toString()) ? (BigDecimal) breach[3] : BigDecimal.ZERO;
            BigDecimal amount = new BigDecimal(policy.creditAmount().amount())
                    .add(base.multiply(policy.percent()).movePointLeft(2)).setScale(2, RoundingMode.HALF_EVEN);
            if (amount.signum() > 0) {
                rows.add(new JsonObject().put("sla_event_id", ((Number) breach[0]).longValue()).put("problem_report_id", due.ticket().id())
                        .put("customer_id", due.ticket().customerId()).put("amount", amount.toPlainString())
                        .put("currency", currency).put("created_at", utc(now).toString()));
                earned.add(new Credit(0, due.ticket().id(), due.ticket().number(), due.ticket().customerId(), amount, currency));
            }
        }
        if (earned.isEmpty()) {
            return Map.of();
        }
        List<Object[]> ids = em.createNativeQuery("""
                        insert into service_credit (sla_event_id, problem_report_id, customer_id, amount, currency, created_at)
                        select c.sla_event_id, c.problem_report_id, c.customer_id, c.amount, c.currency, c.created_at
                        from jsonb_populate_recordset(null::service_credit, cast(?1 as jsonb)) with ordinality c
                        order by c.ordinality
                        returning problem_report_id, id""", Object[].class)
                .setParameter(1, rows.encode()).getResultList();
        Map<Long, Long> creditIds = new HashMap<>();
        ids.forEach(r -> creditIds.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        Map<Long, Credit> byReport = new LinkedHashMap<>();
        earned.forEach(c -> byReport.put(c.reportId(), c.withId(creditIds.get(c.reportId()))));
        return byReport;
    }

    /**
     * Applies credits, in the given order, each to its customer's oldest open (NEW or VALIDATED)
     * invoice in its currency whose amount due (after the credits before it) covers it: an
     * adjustment traceable to the problem report, the invoice's adjusted amount. Like a manual
     * adjustment, a credit never takes an invoice below zero; it is not split either (one credit,
     * one adjustment). A credit without such an invoice stays pending for a later evaluation.
     * Returns the invoice of each applied credit by credit id.
     */
    private Map<Long, Long> apply(List<Credit> credits, Instant now) {
        if (credits.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select id, customer_id, currency, total_amount - adjusted_amount - paid_amount, bill_date from invoice
                        where customer_id = any(?1) and state in ('NEW', 'VALIDATED') and total_amount - adjusted_amount - paid_amount > 0
                        order by id for update""", Object[].class)
                .setParameter(1, KeyList.of(credits.stream().map(Credit::customerId).distinct().toList())).getResultList();
        List<OpenInvoice> open = rows.stream().map(OpenInvoice::new)
                .sorted(Comparator.comparing((OpenInvoice i) -> i.billDate).thenComparingLong(i -> i.id)).toList();
        Map<Long, Long> invoices = new LinkedHashMap<>();
        JsonArray adjustments = new JsonArray();
        for (Credit credit : credits) {
            open.stream().filter(i -> i.customerId == credit.customerId() && i.currency.equals(credit.currency())
                    && i.due.compareTo(credit.amount()) >= 0).findFirst().ifPresent(invoice -> {
                invoice.due = invoice.due.subtract(credit.amount());
                invoices.put(credit.id(), invoice.id);
                adjustments.add(new JsonObject().put("invoice_id", invoice.id).put("customer_id", credit.customerId())
                        .put("amount", credit.amount().toPlainString())
                        .put("reason", "SLA service credit for " + credit.number() + " (resolution target breached)")
                        .put("problem_report_id", credit.reportId()).put("created_by", config.actor())
                        .put("created_at", utc(now).toString()));
            });
        }
        if (!invoices.isEmpty()) {
            em.createNativeQuery(APPLY).setParameter(1, adjustments.encode()).setParameter(2, utc(now))
                    .setParameter(3, KeyList.of(invoices.keySet())).executeUpdate();
        }
        return invoices;
    }

    private void publish(Due due, SlaEventKind kind) {
        SlaTicket ticket = due.ticket();
        Map<String, Object> payload = new HashMap<>();
        payload.put("problemReportId", GlobalId.encode("ProblemReport", ticket.id()));
        payload.put("number", ticket.number());
        payload.put("target", kind.target());
        payload.put("dueAt", utc(dueAt(due.reading(), kind)).toString());
        payload.put("elapsedSeconds", due.reading().elapsed().toSeconds());
        payload.put("policyId", ticket.policy().getId());
        outbox.publish(kind.breach() ? EventType.SLA_BREACHED : EventType.SLA_AT_RISK, TicketKind.PROBLEM_REPORT.name(),
                ticket.id(), ticket.customerId(), payload);
    }

    private void publishCredit(Credit credit, Long invoiceId) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("problemReportId", GlobalId.encode("ProblemReport", credit.reportId()));
        payload.put("amount", credit.amount().toPlainString());
        payload.put("currency", credit.currency());
        payload.put("status", invoiceId == null ? "PENDING" : "APPLIED");
        payload.put("invoiceId", invoiceId == null ? null : GlobalId.encode("Invoice", invoiceId));
        outbox.publish(EventType.SERVICE_CREDIT_GRANTED, TicketKind.PROBLEM_REPORT.name(), credit.reportId(), credit.customerId(), payload);
    }

    private static Instant dueAt(SlaTimeline.Reading reading, SlaEventKind kind) {
        return kind.response() ? reading.responseDueAt() : reading.resolutionDueAt();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
