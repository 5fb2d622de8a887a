package dev.supportgraph.resourcetrouble;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
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
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import dev.supportgraph.ticket.TicketRef;
import dev.supportgraph.ticket.TicketStatus;
import dev.supportgraph.ticket.TicketTransitionRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/** eTOM 5.8 Resource Trouble Management: report, localize, correct and resolve, close. SRE and admins. */
@ApplicationScoped
@Transactional
public class ResourceTroubleLifecycle {

    private static final List<String> ROLES = List.of(Role.SRE, Role.ADMIN);

    /**
     * The transition as {@link #transition} authorizes it, for the planned status change
     * (ticket.PlannedTransitions); resolving fires ResourceTroubleResolved, whose observers work in
     * the transaction, so it always takes {@link #transition}.
     */
    @Produces
    static final TicketTransitionRoute TRANSITION = new TicketTransitionRoute(TicketKind.RESOURCE_TROUBLE, ROLES, false,
            TicketTransitionRoute.STAFF_ONLY, Set.of(TicketStatus.RESOLVED));

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

    @Inject
    Event<ResourceTroubleResolved> resolved;

    public ResourceTroubleType create(ResourceTroubleInputs.Create input) {
        caller.require(ROLES.toArray(String[]::new));
        long id = idempotency.once("resourceTroubleCreate", input.idempotencyKey(), input, () -> externalIds.create(TicketKind.RESOURCE_TROUBLE,
                input.externalId(), input, externalId -> insert(input, externalId), Idempotency.STAFF_ONLY), Idempotency.STAFF_ONLY);
        return ResourceTroubleType.of(em.find(ResourceTrouble.class, id));
    }

    /** Edits the trouble's fields (staff), recording each change. */
    public ResourceTroubleType update(TicketInputs.Update input) {
        ResourceTrouble trouble = load(input.id());
        tickets.update(TicketKind.RESOURCE_TROUBLE, trouble, null, input, List.of());
        return ResourceTroubleType.of(trouble);
    }

    public ResourceTroubleType transition(TicketInputs.Transition input) {
        ResourceTrouble trouble = load(input.id());
        tickets.transition(TicketKind.RESOURCE_TROUBLE, trouble, null, input);
        if (trouble.status == TicketStatus.RESOLVED) {
            // Observers (proactive care) resolve what the trouble caused, in this transaction.
            resolved.fire(new ResourceTroubleResolved(trouble.id, trouble.number, trouble.resolution));
        }
        return ResourceTroubleType.of(trouble);
    }

    public ResourceTroubleType localize(ResourceTroubleInputs.Localize input) {
        ResourceTrouble trouble = load(input.id());
        Mutations.checkVersion(trouble.version, input.expectedVersion());
        trouble.localization = Inputs.text(input.localization(), 4000, "input", "localization");
        em.flush();
        return ResourceTroubleType.of(trouble);
    }

    public NoteType addNote(TicketInputs.Note input) {
        ResourceTrouble trouble = load(input.id());
        return tickets.addNote(new TicketRef(TicketKind.RESOURCE_TROUBLE, trouble.id), null, input);
    }

    /**
     * Opens a trouble for an alarm on {@code resourceId} (the alarm's caller is authorized by its
     * own lifecycle): severity and priority follow the perceived severity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long openForAlarm(long resourceId, String title, PerceivedSeverity perceived, String probableCause) {
        ResourceTrouble trouble = new ResourceTrouble();
        trouble.title = title;
        trouble.description = "";
        trouble.resourceId = resourceId;
        trouble.severity = switch (perceived) {
            case CRITICAL -> TicketSeverity.CRITICAL;
            case MAJOR -> TicketSeverity.MAJOR;
            case MINOR, INDETERMINATE, CLEARED -> TicketSeverity.MINOR;
            case WARNING -> TicketSeverity.WARNING;
        };
        trouble.priority = switch (perceived) {
            case CRITICAL -> TicketPriority.CRITICAL;
            case MAJOR -> TicketPriority.HIGH;
            case MINOR, INDETERMINATE, CLEARED -> TicketPriority.MEDIUM;
            case WARNING -> TicketPriority.LOW;
        };
        trouble.perceivedSeverity = perceived;
        trouble.probableCause = probableCause;
        trouble.status = TicketStatus.ACKNOWLEDGED;
        em.persist(trouble);
        tickets.created(TicketKind.RESOURCE_TROUBLE, trouble, null);
        return trouble.id;
    }

    /**
     * Raises the alarm view of a trouble (its perceived severity) when a more severe alarm joins
     * it; severity and priority stay as staff set them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(long id, PerceivedSeverity perceived) {
        em.find(ResourceTrouble.class, id).perceivedSeverity = perceived;
        em.flush();
    }

    /**
     * Resolves an open trouble whose alarms have all cleared, through the lifecycle (history,
     * events, the resolved observers); one still ACKNOWLEDGED is started first, as the table wants.
     * The caller holds the trouble's row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveCleared(long id, String reason, String resolution) {
        ResourceTrouble trouble = em.find(ResourceTrouble.class, id);
        if (trouble.status == TicketStatus.ACKNOWLEDGED) {
            tickets.transition(TicketKind.RESOURCE_TROUBLE, trouble, null,
                    new TicketInputs.Transition(GlobalId.encode(ResourceTroubleType.TYPE, id), (int) trouble.version, TicketStatus.IN_PROGRESS, reason, null));
        }
        tickets.transition(TicketKind.RESOURCE_TROUBLE, trouble, null,
                new TicketInputs.Transition(GlobalId.encode(ResourceTroubleType.TYPE, id), (int) trouble.version, TicketStatus.RESOLVED, reason, resolution));
        resolved.fire(new ResourceTroubleResolved(trouble.id, trouble.number, trouble.resolution));
    }

    private long insert(ResourceTroubleInputs.Create input, String externalId) {
        long resource = Inputs.id("Resource", input.resourceId(), "input", "resourceId");
        if (em.createNativeQuery("select 1 from resource where id = ?1").setParameter(1, resource).getResultList().isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "resourceId"), "Resource not found: " + input.resourceId());
        }
        ResourceTrouble trouble = new ResourceTrouble();
        trouble.externalId = externalId;
        trouble.title = Inputs.text(input.title(), 200, "input", "title");
        trouble.description = input.description() == null ? "" : input.description();
        trouble.resourceId = resource;
        trouble.severity = input.severity();
        trouble.priority = input.priority();
        trouble.perceivedSeverity = input.perceivedSeverity();
        trouble.probableCause = input.probableCause();
        trouble.categoryId = categories.chosen(input.categoryId(), "input", "categoryId");
        trouble.status = TicketStatus.ACKNOWLEDGED;
        em.persist(trouble);
        tickets.created(TicketKind.RESOURCE_TROUBLE, trouble, null);
        return trouble.id;
    }

    private ResourceTrouble load(String id) {
        caller.require(ROLES.toArray(String[]::new));
        ResourceTrouble trouble = em.find(ResourceTrouble.class, Inputs.id(ResourceTroubleType.TYPE, id, "input", "id"));
        if (trouble == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Resource trouble not found: " + id);
        }
        return trouble;
    }
}
