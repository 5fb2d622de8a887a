package dev.supportgraph.sla;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin changes of SLA policies. A change never edits a version: it closes the one in force and
 * inserts the next, so tickets keep the version in force when they were created (SlaSubject) and
 * the history stays readable. The version in force is locked first: of two concurrent changes the
 * second finds it replaced (STALE_OBJECT).
 */
@ApplicationScoped
@Transactional
public class SlaPolicyLifecycle {

    private static final Set<TicketStatus> PAUSABLE = Set.of(TicketStatus.PENDING, TicketStatus.HELD);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int REASON_LENGTH = 2000;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public SlaPolicyType update(SlaPolicyUpdateInput input) {
        caller.require(Role.ADMIN);
        long id = Inputs.id(SlaPolicyType.TYPE, input.id(), "input", "id");
        List<Object[]> rows = em.createNativeQuery("select " + SlaPolicyType.COLUMNS + " from sla_policy sp where sp.id = ?1 for update",
                Object[].class).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "SLA policy not found: " + input.id());
        }
        SlaPolicyType current = SlaPolicyType.of(rows.getFirst(), 0);
        if (current.validTo() != null) {
            throw ApiException.of(ErrorCode.STALE_OBJECT, List.of("input", "id"), "This version was replaced; change the version in force");
        }
        Mutations.checkVersion(current.version(), input.expectedVersion());
        int response = input.responseMinutes() != null ? input.responseMinutes() : current.responseMinutes();
        int resolution = input.resolutionMinutes() != null ? input.resolutionMinutes() : current.resolutionMinutes();
        if (response < 1) {
            throw ApiException.badInput("at least 1 minute", "input", "responseMinutes");
        }
        if (resolution < response) {
            throw ApiException.badInput("at least the response time (" + response + " minutes)", "input", "resolutionMinutes");
        }
        List<TicketStatus> pauses = input.resolutionPauseStates() != null ? input.resolutionPauseStates() : current.resolutionPauseStates();
        if (!PAUSABLE.containsAll(pauses)) {
            throw ApiException.badInput("only PENDING and HELD can pause the resolution clock", "input", "resolutionPauseStates");
        }
        BigDecimal percent = input.creditPercent() != null ? Inputs.amount(input.creditPercent(), true, "input", "creditPercent") : current.percent();
        if (percent.compareTo(HUNDRED) > 0) {
            throw ApiException.badInput("at most 100", "input", "creditPercent");
        }
        BigDecimal amount = input.creditAmount() != null ? Inputs.amount(input.creditAmount(), true, "input", "creditAmount")
                : new BigDecimal(current.creditAmount().amount());
        String reason = input.reason() == null ? null : Inputs.text(input.reason(), REASON_LENGTH, "input", "reason");
        em.createNativeQuery("update sla_policy set valid_to = now() where id = ?1").setParameter(1, id).executeUpdate();
        Number next = (Number) em.createNativeQuery("""
                        insert into sla_policy (segment, priority, response_minutes, resolution_minutes, resolution_pause_states, credit_percent,
                                                credit_amount, currency, business_time_zone, business_days, business_opens, business_closes,
                                                business_holidays, version, valid_from, changed_by, change_reason)
                        select segment, priority, ?2, ?3, string_to_array(?4, ','), ?5, ?6, currency, business_time_zone, business_days,
                               business_opens, business_closes, business_holidays, version + 1, now(), ?7, ?8
                        from sla_policy where id = ?1 returning id""")
                .setParameter(1, id).setParameter(2, response).setParameter(3, resolution)
                .setParameter(4, pauses.stream().map(Enum::name).distinct().collect(Collectors.joining(",")))
                .setParameter(5, percent).setParameter(6, amount).setParameter(7, caller.name()).setParameter(8, reason)
                .getSingleResult();
        List<Object[]> created = em.createNativeQuery("select " + SlaPolicyType.COLUMNS + " from sla_policy sp where sp.id = ?1", Object[].class)
                .setParameter(1, next.longValue()).getResultList();
        return SlaPolicyType.of(created.getFirst(), 0);
    }
}
