package dev.supportgraph.servicetrouble;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.ticket.StaffTicketLifecycle;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketTransitionRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/** eTOM 4.6 Service Problem Management, for SRE and admins; agents read them and isolate problem reports to them. */
@ApplicationScoped
@Transactional
public class ServiceTroubleLifecycle extends StaffTicketLifecycle<ServiceTrouble, ServiceTroubleType> {

    /** The transition as {@link #transition} authorizes it, for the planned status change (ticket.PlannedTransitions). */
    @Produces
    static final TicketTransitionRoute TRANSITION = new TicketTransitionRoute(TicketKind.SERVICE_TROUBLE, ROLES, false,
            TicketTransitionRoute.STAFF_ONLY, Set.of());

    ServiceTroubleLifecycle() {
        super(TicketKind.SERVICE_TROUBLE, ServiceTrouble.class, ServiceTroubleType::of, "Service trouble");
    }

    public ServiceTroubleType create(ServiceTroubleInputs.Create input) {
        return create("serviceTroubleCreate", input, ServiceTrouble::new, trouble -> {
            trouble.impact = input.impact();
            trouble.urgency = input.urgency();
        }, trouble -> {
            for (String id : input.problemReportIds() == null ? List.<String>of() : input.problemReportIds()) {
                link("problem_report_service_trouble", "problem_report", trouble.id,
                        Inputs.id("ProblemReport", id, "input", "problemReportIds"), "problemReportIds");
            }
            for (String id : input.affectedServiceIds() == null ? List.<String>of() : input.affectedServiceIds()) {
                link("service_trouble_service", "service", trouble.id,
                        Inputs.id("Service", id, "input", "affectedServiceIds"), "affectedServiceIds");
            }
        });
    }

    public ServiceTroubleType diagnose(ServiceTroubleInputs.Diagnose input) {
        return edit(input.id(), input.expectedVersion(),
                trouble -> trouble.rootCause = Inputs.text(input.rootCause(), 4000, "input", "rootCause"));
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
}
