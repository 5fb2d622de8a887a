package dev.supportgraph.resourcetrouble;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.StaffTicketLifecycle;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import dev.supportgraph.ticket.TicketStatus;
import dev.supportgraph.ticket.TicketTransitionRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/** eTOM 5.8 Resource Trouble Management: report, localize, correct and resolve, close. SRE and admins. */
@ApplicationScoped
@Transactional
public class ResourceTroubleLifecycle extends StaffTicketLifecycle<ResourceTrouble, ResourceTroubleType> {

    /** The transition as {@link #transition} authorizes it, for the planned status change (ticket.PlannedTransitions) (RESOLVED tells proactive care, so it takes this service). */
    @Produces
    static final TicketTransitionRoute TRANSITION = new TicketTransitionRoute(TicketKind.RESOURCE_TROUBLE, ROLES, false,
            TicketTransitionRoute.STAFF_ONLY, Set.of(TicketStatus.RESOLVED));

    @Inject
    Event<ResourceTroubleResolved> resolved;

    ResourceTroubleLifecycle() {
        super(TicketKind.RESOURCE_TROUBLE, ResourceTrouble.class, ResourceTroubleType::of, "Resource trouble");
    }

    public ResourceTroubleType create(ResourceTroubleInputs.Create input) {
        return create("resourceTroubleCreate", input, ResourceTrouble::new, trouble -> {
            long resource = Inputs.id("Resource", input.resourceId(), "input", "resourceId");
            if (em.createNativeQuery("select 1 from resource where id = ?1").setParameter(1, resource).getResultList().isEmpty()) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "resourceId"), "Resource not found: " + input.resourceId());
            }
            trouble.resourceId = resource;
            trouble.perceivedSeverity = input.perceivedSeverity();
            trouble.probableCause = input.probableCause();
        }, trouble -> {
        });
    }

    @Override
    protected void transitioned(ResourceTrouble trouble) {
        if (trouble.status == TicketStatus.RESOLVED) {
            // Observers (proactive care) resolve what the trouble caused, in this transaction.
            resolved.fire(new ResourceTroubleResolved(trouble.id, trouble.number, trouble.resolution));
        }
    }

    public ResourceTroubleType localize(ResourceTroubleInputs.Localize input) {
        return edit(input.id(), input.expectedVersion(),
                trouble -> trouble.localization = Inputs.text(input.localization(), 4000, "input", "localization"));
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
}
