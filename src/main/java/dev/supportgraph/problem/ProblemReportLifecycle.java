package dev.supportgraph.problem;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.ticket.NoteType;
import dev.supportgraph.ticket.TicketExternalIds;
import dev.supportgraph.ticket.TicketField;
import dev.supportgraph.ticket.TicketFieldEdit;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketLifecycle;
import dev.supportgraph.ticket.TicketRef;
import dev.supportgraph.ticket.TicketStatus;
import dev.supportgraph.ticket.TicketTransitionRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.Set;

/**
 * eTOM 3.7 Problem Handling. Agents and admins act on every customer's reports (SRE add notes); a portal user
 * reports problems for their own customer, adds PUBLIC notes, accepts or rejects a resolution and
 * cancels. Another customer's report is simply not found.
 */
@ApplicationScoped
@Transactional
public class ProblemReportLifecycle {

    /** What a portal user may do to their report: accept/reject the resolution, cancel. */
    private static final Set<TicketStatus> PORTAL_TARGETS = Set.of(TicketStatus.CLOSED, TicketStatus.IN_PROGRESS, TicketStatus.CANCELLED);

    /** Who acts on reports: portal users (their own customer's) and agents. */
    private static final List<String> ROLES = List.of(Role.CUSTOMER, Role.AGENT, Role.ADMIN);

    /** The transition as {@link #transition} authorizes it, for the planned status change (ticket.PlannedTransitions). */
    @Produces
    static final TicketTransitionRoute TRANSITION = new TicketTransitionRoute(TicketKind.PROBLEM_REPORT, ROLES, true,
            ProblemReportLifecycle::portalMay, Set.of());

    private static final int TITLE_LENGTH = 200;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    TicketLifecycle tickets;

    @Inject
    TicketExternalIds externalIds;

    @Inject
    TriageConfig triage;

    @Inject
    TicketCategoryService categories;

    public ProblemReportType create(ProblemReportInputs.Create input) {
        requireAgentOrOwnCustomer();
        staffOnly(input.externalId(), "externalId");
        LongPredicate visible = created -> caller.canSeeCustomer(em.find(ProblemReport.class, created).customerId);
        long id = idempotency.once("problemReportCreate", input.idempotencyKey(), input, () -> externalIds.create(TicketKind.PROBLEM_REPORT,
                input.externalId(), input, externalId -> insert(input, externalId), visible), visible);
        return ProblemReportType.of(em.find(ProblemReport.class, id));
    }

    public ProblemReportType transition(TicketInputs.Transition input) {
        requireAgentOrOwnCustomer();
        ProblemReport report = load(input.id());
        if (!caller.isStaff() && !portalMay(report.status, input.to())) {
            throw ApiException.of(ErrorCode.FORBIDDEN, List.of("input", "to"),
                    "Portal users can accept or reject a resolution and cancel, nothing else");
        }
        tickets.transition(TicketKind.PROBLEM_REPORT, report, report.customerId, input);
        return ProblemReportType.of(report);
    }

    /** Edits the report's fields, recording each change; priority and severity are staff's. */
    public ProblemReportType update(ProblemReportInputs.Update input) {
        requireAgentOrOwnCustomer();
        ProblemReport report = load(input.id());
        staffOnly(input.priority(), "priority");
        staffOnly(input.severity(), "severity");
        staffOnly(input.categoryId(), "categoryId");
        List<TicketFieldEdit> urgency = List.of();
        staffOnly(input.externalId(), "externalId");
        if (input.urgency() != null) {
            urgency = List.of(new TicketFieldEdit(TicketField.URGENCY, report.urgency, input.urgency()));
            report.urgency = input.urgency();
        }
        tickets.update(TicketKind.PROBLEM_REPORT, report, report.customerId, input, urgency);
        return ProblemReportType.of(report);
    }

    /** Links the report to the service troubles its cause was isolated to (eTOM 3.7 isolate). */
    public ProblemReportType isolate(ProblemReportInputs.Isolate input) {
        ProblemReport report = load(input.id());
        caller.require(Role.AGENT, Role.ADMIN);
        for (String troubleId : input.serviceTroubleIds()) {
            long trouble = Inputs.id("ServiceTrouble", troubleId, "input", "serviceTroubleIds");
            int linked = em.createNativeQuery("""
                            insert into problem_report_service_trouble (problem_report_id, service_trouble_id)
                            select ?1, id from service_trouble where id = ?2 on conflict do nothing""")
                    .setParameter(1, report.id).setParameter(2, trouble).executeUpdate();
            if (linked == 0 && em.createNativeQuery("select 1 from service_trouble where id = ?1").setParameter(1, trouble)
                    .getResultList().isEmpty()) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "serviceTroubleIds"), "Service trouble not found: " + troubleId);
            }
        }
        return ProblemReportType.of(report);
    }

    public NoteType addNote(TicketInputs.Note input) {
        caller.require(Role.CUSTOMER, Role.AGENT, Role.SRE, Role.ADMIN);
        ProblemReport report = load(input.id());
        return tickets.addNote(new TicketRef(TicketKind.PROBLEM_REPORT, report.id), report.customerId, input);
    }

    private long insert(ProblemReportInputs.Create input, String externalId) {
        OptionalLong scope = caller.customerScope();
        long customerId;
        if (scope.isPresent()) {
            customerId = input.customerId() == null ? scope.getAsLong() : Inputs.id("Customer", input.customerId(), "input", "customerId");
            if (customerId != scope.getAsLong()) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "customerId"), "Customer not found: " + input.customerId());
            }
            Inputs.required(input.reportedById(), "input", "reportedById");
        } else {
            customerId = Inputs.id("Customer", Inputs.required(input.customerId(), "input", "customerId"), "input", "customerId");
        }
        owned("customer", "id", customerId, customerId, "customerId", "Customer");
        ProblemReport report = new ProblemReport();
        report.externalId = externalId;
        report.customerId = customerId;
        report.title = Inputs.text(input.title(), TITLE_LENGTH, "input", "title");
        report.description = input.description() == null ? "" : input.description();
        staffOnly(input.priority(), "priority");
        staffOnly(input.severity(), "severity");
        staffOnly(input.categoryId(), "categoryId");
        report.categoryId = categories.chosen(input.categoryId(), "input", "categoryId");
        report.urgency = input.urgency() != null ? input.urgency() : triage.defaultUrgency();
        report.severity = input.severity() != null ? input.severity() : triage.defaultSeverity();
        report.priority = input.priority() != null ? input.priority() : triage.priorityFor(report.urgency);
        report.channel = input.channel() != null ? input.channel() : scope.isPresent() ? ProblemChannel.PORTAL : ProblemChannel.AGENT;
        report.reportedById = related("contact", input.reportedById(), customerId, "reportedById", "Contact");
        report.relatedOrderId = related("product_order", input.relatedOrderId(), customerId, "relatedOrderId", "ProductOrder");
        report.relatedServiceId = related("service", input.relatedServiceId(), customerId, "relatedServiceId", "Service");
        report.relatedInvoiceId = related("invoice", input.relatedInvoiceId(), customerId, "relatedInvoiceId", "Invoice");
        report.status = TicketStatus.ACKNOWLEDGED;
        em.persist(report);
        tickets.created(TicketKind.PROBLEM_REPORT, report, customerId);
        return report.id;
    }

    /** The id of a related object, which must belong to the report's customer. */
    private Long related(String table, String globalId, long customerId, String field, String type) {
        if (globalId == null) {
            return null;
        }
        long id = Inputs.id(type, globalId, "input", field);
        owned(table, "customer_id", id, customerId, field, type);
        return id;
    }

    private void owned(String table, String customerColumn, long id, long customerId, String field, String type) {
        boolean found = !em.createNativeQuery("select 1 from " + table + " where id = ?1 and " + customerColumn + " = ?2")
                .setParameter(1, id).setParameter(2, customerId).getResultList().isEmpty();
        if (!found) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", field), type + " not found");
        }
    }

    private ProblemReport load(String id) {
        ProblemReport report = em.find(ProblemReport.class, Inputs.id(ProblemReportType.TYPE, id, "input", "id"));
        if (report == null || !caller.canSeeCustomer(report.customerId)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Problem report not found: " + id);
        }
        return report;
    }

    /** Refuses a field only staff may set when a portal user sets it. */
    private void staffOnly(Object value, String field) {
        if (value != null && !caller.isStaff()) {
            throw ApiException.of(ErrorCode.FORBIDDEN, List.of("input", field), "Only staff set the " + field + "; state the urgency instead");
        }
    }

    private void requireAgentOrOwnCustomer() {
        caller.require(ROLES.toArray(String[]::new));
    }

    /** Whether a portal user may move their report from {@code from} to {@code to}: accept or reject a resolution, cancel. */
    private static boolean portalMay(TicketStatus from, TicketStatus to) {
        return PORTAL_TARGETS.contains(to) && (to != TicketStatus.IN_PROGRESS || from == TicketStatus.RESOLVED);
    }
}
