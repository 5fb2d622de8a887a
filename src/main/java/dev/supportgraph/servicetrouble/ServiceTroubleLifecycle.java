package dev.supportgraph.servicetrouble;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.ticket.NoteType;
import dev.supportgraph.ticket.TicketExternalIds;
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
import java.util.Set;

/** eTOM 4.6 Service Problem Management, for SRE and admins; agents read them and isolate problem reports to them. */
@ApplicationScoped
@Transactional
public class ServiceTroubleLifecycle {

    private static final List<String> ROLES = List.of(Role.SRE, Role.ADMIN);

    /** The transition as {@link #transition} authorizes it, for the planned status change (ticket.PlannedTransitions). */
    @Produces
    static final TicketTransitionRoute TRANSITION = new TicketTransitionRoute(TicketKind.SERVICE_TROUBLE, ROLES, false,
            TicketTransitionRoute.STAFF_ONLY, Set.of());

    @Inject
    EntityManager em;

    @Inject
    TicketCategoryService categories;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    TicketLifecycle tickets;

    @Inject
    TicketExternalIds externalIds;

    public ServiceTroubleType create(ServiceTroubleInputs.Create input) {
        requireOperations();
        long id = idempotency.once("serviceTroubleCreate", input.idempotencyKey(), input, () -> externalIds.create(TicketKind.SERVICE_TROUBLE,
                input.externalId(), input, externalId -> insert(input, externalId), Idempotency.STAFF_ONLY), Idempotency.STAFF_ONLY);
        return ServiceTroubleType.of(em.find(ServiceTrouble.class, id));
    }

    /** Edits the trouble's fields (staff), recording each change. */
    public ServiceTroubleType update(TicketInputs.Update input) {
        ServiceTrouble trouble = load(input.id());
        tickets.update(TicketKind.SERVICE_TROUBLE, trouble, null, input, List.of());
        return ServiceTroubleType.of(trouble);
    }

    public ServiceTroubleType transition(TicketInputs.Transition input) {
        ServiceTrouble trouble = load(input.id());
        tickets.transition(TicketKind.SERVICE_TROUBLE, trouble, null, input);
        return ServiceTroubleType.of(trouble);
    }

    public ServiceTroubleType diagnose(ServiceTroubleInputs.Diagnose input) {
        ServiceTrouble trouble = load(input.id());
        Mutations.checkVersion(trouble.version, input.expectedVersion());
        trouble.rootCause = Inputs.text(input.rootCause(), 4000, "input", "rootCause");
        em.flush();
        return ServiceTroubleType.of(trouble);
    }

    /** Groups the trouble under a parent problem (no cycles). */
    public ServiceTroubleType group(ServiceTroubleInputs.Group input) {
        ServiceTrouble trouble = load(input.id());
        Mutations.checkVersion(trouble.version, input.expectedVersion());
        Long parent = input.parentId() == null ? null : Inputs.id(ServiceTroubleType.TYPE, input.parentId(), "input", "parentId");
        if (parent != null) {
            List<?> ancestors = em.createNativeQuery("""
                            with recursive up(id, parent_id) as (
                                select id, parent_id from service_trouble where id = ?1
                                union select s.id, s.parent_id from service_trouble s join up on s.id = up.parent_id)
                            select id from up""")
                    .setParameter(1, parent).getResultList();
            if (ancestors.isEmpty()) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "parentId"), "Service trouble not found: " + input.parentId());
            }
            if (ancestors.stream().anyMatch(a -> ((Number) a).longValue() == trouble.id)) {
                throw ApiException.badInput("a trouble cannot be grouped under itself or its own children", "input", "parentId");
            }
        }
        trouble.parentId = parent;
        em.flush();
        return ServiceTroubleType.of(trouble);
    }

    public ServiceTroubleType linkResourceTroubles(ServiceTroubleInputs.Link input) {
        ServiceTrouble trouble = load(input.id());
        for (String id : input.resourceTroubleIds()) {
            link("service_trouble_resource_trouble", "resource_trouble", trouble.id,
                    Inputs.id("ResourceTrouble", id, "input", "resourceTroubleIds"), "resourceTroubleIds");
        }
        return ServiceTroubleType.of(trouble);
    }

    public NoteType addNote(TicketInputs.Note input) {
        ServiceTrouble trouble = load(input.id());
        return tickets.addNote(new TicketRef(TicketKind.SERVICE_TROUBLE, trouble.id), null, input);
    }

    private long insert(ServiceTroubleInputs.Create input, String externalId) {
        ServiceTrouble trouble = new ServiceTrouble();
        trouble.externalId = externalId;
        trouble.title = Inputs.text(input.title(), 200, "input", "title");
        trouble.description = input.description() == null ? "" : input.description();
        trouble.severity = input.severity();
        trouble.priority = input.priority();
        trouble.impact = input.impact();
        trouble.urgency = input.urgency();
        trouble.categoryId = categories.chosen(input.categoryId(), "input", "categoryId");
        trouble.status = TicketStatus.ACKNOWLEDGED;
        em.persist(trouble);
        for (String id : input.problemReportIds() == null ? List.<String>of() : input.problemReportIds()) {
            link("problem_report_service_trouble", "problem_report", trouble.id,
                    Inputs.id("ProblemReport", id, "input", "problemReportIds"), "problemReportIds");
        }
        for (String id : input.affectedServiceIds() == null ? List.<String>of() : input.affectedServiceIds()) {
            link("service_trouble_service", "service", trouble.id,
                    Inputs.id("Service", id, "input", "affectedServiceIds"), "affectedServiceIds");
        }
        tickets.created(TicketKind.SERVICE_TROUBLE, trouble, null);
        return trouble.id;
    }

    /** Inserts a link row (trouble, other) unless it exists; NOT_FOUND when the other does not exist. */
    private void link(String linkTable, String otherTable, long troubleId, long otherId, String field) {
        if (em.createNativeQuery("select 1 from " + otherTable + " where id = ?1").setParameter(1, otherId).getResultList().isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", field), "Not found: " + otherTable + " " + otherId);
        }
        String sql = switch (linkTable) {
            case "problem_report_service_trouble" -> "insert into problem_report_service_trouble (service_trouble_id, problem_report_id)";
            case "service_trouble_service" -> "insert into service_trouble_service (service_trouble_id, service_id)";
            default -> "insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id)";
        };
        em.createNativeQuery(sql + " values (?1, ?2) on conflict do nothing")
                .setParameter(1, troubleId).setParameter(2, otherId).executeUpdate();
    }

    private ServiceTrouble load(String id) {
        requireOperations();
        ServiceTrouble trouble = em.find(ServiceTrouble.class, Inputs.id(ServiceTroubleType.TYPE, id, "input", "id"));
        if (trouble == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Service trouble not found: " + id);
        }
        return trouble;
    }

    private void requireOperations() {
        caller.require(ROLES.toArray(String[]::new));
    }
}
