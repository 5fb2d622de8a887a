package dev.supportgraph.impact;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.lifecycle.StateMachine;
import dev.supportgraph.problem.ProblemChannel;
import dev.supportgraph.problem.ProblemReport;
import dev.supportgraph.resourcetrouble.ResourceTrouble;
import dev.supportgraph.resourcetrouble.ResourceTroubleResolved;
import dev.supportgraph.resourcetrouble.ResourceTroubleService;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.servicetrouble.ServiceTrouble;
import dev.supportgraph.servicetrouble.ServiceTroubleImpact;
import dev.supportgraph.ticket.NoteVisibility;
import dev.supportgraph.ticket.TicketEntity;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketLifecycle;
import dev.supportgraph.ticket.TicketLifecycles;
import dev.supportgraph.ticket.TicketRef;
import dev.supportgraph.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * eTOM proactive care: a resource trouble is carried to the services it affects (service
 * troubles) and the customers who own them (PROACTIVE problem reports with a public notice in
 * their language), and its resolution is carried back. Each step is one transaction; the
 * propagation table's unique indexes make a retried step create nothing twice.
 */
@ApplicationScoped
@Transactional
public class ProactiveCare {

    private static final Set<TicketStatus> OPEN = Set.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
            TicketStatus.PENDING, TicketStatus.HELD);

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TicketLifecycle tickets;

    @Inject
    NoticeTemplates templates;

    @Inject
    Outbox outbox;

    @Inject
    ResourceTroubleService resourceTroubles;

    /** An affected service: its id, customer, name and the customer's language. */
    private record Service(long id, long customerId, String name, String language) {
    }

    public PropagationResult propagate(PropagateInput input) {
        caller.require(Role.SRE, Role.ADMIN);
        long id = Inputs.id(ResourceTroubleType.TYPE, input.id(), "input", "id");
        // The row lock serializes concurrent propagations of one trouble: the second sees the first's rows.
        ResourceTrouble trouble = em.find(ResourceTrouble.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (trouble == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Resource trouble not found: " + input.id());
        }
        if (!OPEN.contains(trouble.status)) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "Only an open trouble is propagated; this one is " + trouble.status);
        }
        List<Service> affected = affectedServices(trouble.id);
        Map<Long, Long> troubleOfService = done(trouble.id, "service_id", "service_trouble_id");
        int opened = 0;
        int linked = 0;
        for (Service service : affected) {
            if (troubleOfService.containsKey(service.id())) {
                continue;
            }
            Long existing = openServiceTrouble(service.id(), trouble.id);
            long serviceTrouble = existing != null ? existing : openServiceTrouble(trouble, service);
            if (existing == null) {
                opened++;
            } else {
                linked++;
            }
            em.createNativeQuery("""
                            insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id)
                            values (?1, ?2) on conflict do nothing""")
                    .setParameter(1, serviceTrouble).setParameter(2, trouble.id).executeUpdate();
            record(trouble.id, "service_id, service_trouble_id", service.id(), serviceTrouble, existing == null);
            troubleOfService.put(service.id(), serviceTrouble);
        }
        Map<Long, Long> reportOfCustomer = done(trouble.id, "customer_id", "problem_report_id");
        Map<Long, List<Service>> byCustomer = affected.stream()
                .collect(Collectors.groupingBy(Service::customerId, LinkedHashMap::new, Collectors.toList()));
        int reports = 0;
        for (Map.Entry<Long, List<Service>> customer : byCustomer.entrySet()) {
            if (!reportOfCustomer.containsKey(customer.getKey())) {
                openProactiveReport(trouble, customer.getValue(), troubleOfService);
                reports++;
            }
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", GlobalId.encode(ResourceTroubleType.TYPE, trouble.id));
        payload.put("number", trouble.number);
        payload.put("serviceTroublesOpened", opened);
        payload.put("serviceTroublesLinked", linked);
        payload.put("problemReportsOpened", reports);
        outbox.publish(EventType.RESOURCE_TROUBLE_PROPAGATED, TicketKind.RESOURCE_TROUBLE.name(), trouble.id, null, payload);
        return new PropagationResult(resourceTroubles.troubles().byIds(List.of(trouble.id)).getFirst(), opened, linked, reports, List.of());
    }

    /**
     * The cascade of a resolved resource trouble, in its transaction: the service troubles and
     * proactive reports the propagation opened are resolved (service troubles with the trouble's
     * resolution, customers' reports with the public notice), and each customer gets the notice. Rows are marked so a later re-resolution does nothing.
     */
    void resolved(@Observes ResourceTroubleResolved event) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.service_trouble_id, p.problem_report_id from propagation p
                        where p.resource_trouble_id = ?1 and p.opened and p.resolved_at is null order by p.id""", Object[].class)
                .setParameter(1, event.id()).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        String reason = "Resolved with " + event.number();
        for (Object[] row : rows) {
            if (row[1] != null) {
                ServiceTrouble trouble = em.find(ServiceTrouble.class, ((Number) row[1]).longValue());
                resolve(TicketKind.SERVICE_TROUBLE, TicketLifecycles.SERVICE_TROUBLE, trouble, null, reason, event.resolution());
            } else {
                ProblemReport report = em.find(ProblemReport.class, ((Number) row[2]).longValue());
                List<String> services = serviceNames(event.id(), report.customerId);
                String language = language(report.customerId);
                // The trouble's resolution is the SRE's staff-only text: the customer's notice (and so
                // their report's resolution) is the neutral template alone.
                NoticeTemplates.Notice notice = templates.render("OUTAGE_RESOLVED", language, Map.of(
                        "trouble", event.number(), "services", String.join(", ", services)));
                resolve(TicketKind.PROBLEM_REPORT, TicketLifecycles.PROBLEM_REPORT, report, report.customerId, reason, notice.body());
                notify(report, event.id(), "RESOLVED", notice);
            }
        }
        em.createNativeQuery("update propagation set resolved_at = now() where resource_trouble_id = ?1 and opened and resolved_at is null")
                .setParameter(1, event.id()).executeUpdate();
    }

    /** Walks an open ticket to RESOLVED through IN_PROGRESS where its table needs that; finished tickets are left alone. */
    private void resolve(TicketKind kind, StateMachine<TicketStatus> machine, TicketEntity ticket, Long customerId,
                         String reason, String resolution) {
        if (!OPEN.contains(ticket.status)) {
            return;
        }
        String id = GlobalId.encode(kind == TicketKind.PROBLEM_REPORT ? "ProblemReport" : "ServiceTrouble", ticket.id);
        if (!machine.allows(ticket.status, TicketStatus.RESOLVED)) {
            tickets.transition(kind, ticket, customerId, new TicketInputs.Transition(id, (int) ticket.version, TicketStatus.IN_PROGRESS, reason, null));
        }
        tickets.transition(kind, ticket, customerId, new TicketInputs.Transition(id, (int) ticket.version, TicketStatus.RESOLVED, reason, resolution));
    }

    private List<Service> affectedServices(long troubleId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.customer_id, s.name, c.preferred_language from (%s) a
                        join service s on s.id = a.service_id join customer c on c.id = s.customer_id
                        order by s.customer_id, s.id""".formatted(Affected.RESOURCE_TROUBLE.pairs), Object[].class)
                .setParameter("ids", KeyList.of(List.of(troubleId))).getResultList();
        return rows.stream().map(r -> new Service(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3])).toList();
    }

    /** What earlier propagations of the trouble recorded: key column -> ticket column. */
    private Map<Long, Long> done(long troubleId, String keyColumn, String ticketColumn) {
        List<Object[]> rows = em.createNativeQuery("select " + keyColumn + ", " + ticketColumn + " from propagation where resource_trouble_id = ?1 and "
                + keyColumn + " is not null", Object[].class).setParameter(1, troubleId).getResultList();
        Map<Long, Long> done = new HashMap<>();
        rows.forEach(r -> done.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return done;
    }

    /** An open service trouble already covering the service, preferring one linked to this resource trouble. */
    private Long openServiceTrouble(long serviceId, long resourceTroubleId) {
        List<?> rows = em.createNativeQuery("""
                        select st.id from service_trouble st join service_trouble_service sts on sts.service_trouble_id = st.id
                        where sts.service_id = ?1 and st.status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD')
                        order by exists (select 1 from service_trouble_resource_trouble l
                                         where l.service_trouble_id = st.id and l.resource_trouble_id = ?2) desc, st.id
                        limit 1""")
                .setParameter(1, serviceId).setParameter(2, resourceTroubleId).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.getFirst()).longValue();
    }

    private long openServiceTrouble(ResourceTrouble cause, Service service) {
        ServiceTrouble trouble = new ServiceTrouble();
        trouble.title = trimmed(service.name() + " affected by " + cause.number + ": " + cause.title);
        trouble.description = "Opened by proactive care for resource trouble " + cause.number + ".";
        trouble.severity = cause.severity;
        trouble.priority = cause.priority;
        trouble.impact = ServiceTroubleImpact.MODERATE;
        trouble.urgency = cause.priority;
        trouble.status = TicketStatus.ACKNOWLEDGED;
        em.persist(trouble);
        em.createNativeQuery("insert into service_trouble_service (service_trouble_id, service_id) values (?1, ?2)")
                .setParameter(1, trouble.id).setParameter(2, service.id()).executeUpdate();
        tickets.created(TicketKind.SERVICE_TROUBLE, trouble, null);
        return trouble.id;
    }

    private void openProactiveReport(ResourceTrouble cause, List<Service> services, Map<Long, Long> troubleOfService) {
        Service first = services.getFirst();
        NoticeTemplates.Notice notice = templates.render("OUTAGE_OPENED", first.language(), Map.of(
                "trouble", cause.number, "services", services.stream().map(Service::name).collect(Collectors.joining(", "))));
        ProblemReport report = new ProblemReport();
        report.customerId = first.customerId();
        report.title = trimmed(notice.title());
        report.description = notice.body();
        report.severity = cause.severity;
        report.priority = cause.priority;
        report.channel = ProblemChannel.PROACTIVE;
        report.relatedServiceId = first.id();
        report.status = TicketStatus.ACKNOWLEDGED;
        em.persist(report);
        tickets.created(TicketKind.PROBLEM_REPORT, report, report.customerId);
        for (Service service : services) {
            em.createNativeQuery("""
                            insert into problem_report_service_trouble (problem_report_id, service_trouble_id)
                            values (?1, ?2) on conflict do nothing""")
                    .setParameter(1, report.id).setParameter(2, troubleOfService.get(service.id())).executeUpdate();
        }
        record(cause.id, "customer_id, problem_report_id", report.customerId, report.id, true);
        notify(report, cause.id, "OPENED", notice);
    }

    /** The public note and the event that tell the customer. */
    private void notify(ProblemReport report, long resourceTroubleId, String phase, NoticeTemplates.Notice notice) {
        String id = GlobalId.encode("ProblemReport", report.id);
        tickets.addNote(new TicketRef(TicketKind.PROBLEM_REPORT, report.id), report.customerId,
                new TicketInputs.Note(id, NoteVisibility.PUBLIC, notice.body()));
        Map<String, Object> payload = new HashMap<>();
        payload.put("problemReportId", id);
        payload.put("number", report.number);
        payload.put("resourceTroubleId", GlobalId.encode(ResourceTroubleType.TYPE, resourceTroubleId));
        payload.put("phase", phase);
        payload.put("language", notice.language());
        payload.put("title", notice.title());
        payload.put("body", notice.body());
        outbox.publish(EventType.PROACTIVE_NOTICE, TicketKind.PROBLEM_REPORT.name(), report.id, report.customerId, payload);
    }

    private void record(long resourceTroubleId, String columns, long key, long ticket, boolean opened) {
        em.createNativeQuery("insert into propagation (resource_trouble_id, " + columns + ", opened) values (?1, ?2, ?3, ?4)")
                .setParameter(1, resourceTroubleId).setParameter(2, key).setParameter(3, ticket).setParameter(4, opened)
                .executeUpdate();
    }

    private List<String> serviceNames(long resourceTroubleId, long customerId) {
        List<?> names = em.createNativeQuery("""
                        select s.name from propagation p join service s on s.id = p.service_id
                        where p.resource_trouble_id = ?1 and s.customer_id = ?2 order by s.id""")
                .setParameter(1, resourceTroubleId).setParameter(2, customerId).getResultList();
        return names.stream().map(String.class::cast).toList();
    }

    private String language(long customerId) {
        return (String) em.createNativeQuery("select preferred_language from customer where id = ?1")
                .setParameter(1, customerId).getSingleResult();
    }

    private static String trimmed(String title) {
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}
