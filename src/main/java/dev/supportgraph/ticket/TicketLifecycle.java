package dev.supportgraph.ticket;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.StateMachine;
import dev.supportgraph.graph.Transitions;
import dev.supportgraph.graph.Transitions.Subject;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * What the three ticket types share when they change: the transition through their table with
 * history and event, resolution bookkeeping, and notes. Each type's service loads the ticket
 * within the caller's scope and rights first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketLifecycle {

    private static final int TITLE_LENGTH = 200;
    private static final int REASON_LENGTH = 2000;

    @Inject
    EntityManager em;

    @Inject
    TicketExternalIds externalIds;

    @Inject
    Transitions transitions;

    @Inject
    Caller caller;

    @Inject
    TicketHistory history;

    @Inject
    TicketCategoryService categories;

    public void created(TicketKind kind, TicketEntity ticket, Long customerId) {
        transitions.created(subject(kind), machine(kind), ticket.id, ticket.number, customerId, ticket.status, null);
    }

    /** Applies {@code input} to a loaded ticket (version checked, table checked) and flushes. */
    public void transition(TicketKind kind, TicketEntity ticket, Long customerId, TicketInputs.Transition input) {
        Mutations.checkVersion(ticket.version, input.expectedVersion());
        TicketStatus to = input.to();
        String resolution = to == TicketStatus.RESOLVED ? Inputs.text(input.resolution(), 4000, "input", "resolution") : null;
        ticket.status = transitions.move(subject(kind), machine(kind), ticket.id, ticket.number, customerId, ticket.status, to, input.reason());
        if (to == TicketStatus.RESOLVED) {
            ticket.resolution = resolution;
            ticket.resolvedAt = OffsetDateTime.now();
        } else if (to == TicketStatus.CLOSED) {
            ticket.closedAt = OffsetDateTime.now();
        } else if (to == TicketStatus.IN_PROGRESS) {
            ticket.resolvedAt = null;
            ticket.closedAt = null;
        }
        em.flush();
    }

    /**
     * Applies the edits of a loaded ticket (version checked, each changed field a history row) and
     * flushes; who may edit which field is the caller's check.
     */
    public void update(TicketKind kind, TicketEntity ticket, Long customerId, TicketInputs.Edit input) {
        Mutations.checkVersion(ticket.version, input.expectedVersion());
        String reason = input.reason() == null ? null : Inputs.text(input.reason(), REASON_LENGTH, "input", "reason");
        TicketRef ref = new TicketRef(kind, ticket.id);
        if (input.title() != null) {
            String title = Inputs.text(input.title(), TITLE_LENGTH, "input", "title");
            history.changed(ref, customerId, TicketField.TITLE, TicketChangeAction.UPDATE, ticket.title, title, reason);
            ticket.title = title;
        }
        if (input.description() != null) {
            history.changed(ref, customerId, TicketField.DESCRIPTION, TicketChangeAction.UPDATE, ticket.description, input.description(), reason);
            ticket.description = input.description();
        }
        if (input.priority() != null) {
            history.changed(ref, customerId, TicketField.PRIORITY, TicketChangeAction.UPDATE, ticket.priority, input.priority(), reason);
            ticket.priority = input.priority();
        }
        if (input.severity() != null) {
            history.changed(ref, customerId, TicketField.SEVERITY, TicketChangeAction.UPDATE, ticket.severity, input.severity(), reason);
            ticket.severity = input.severity();
        }
        if (input.categoryId() != null) {
            Long category = categories.chosen(input.categoryId(), "input", "categoryId");
            history.changed(ref, customerId, TicketField.CATEGORY, TicketChangeAction.UPDATE, categories.code(ticket.categoryId),
                    categories.code(category), reason);
            ticket.categoryId = category;
        }
        externalIds.update(kind, ticket, customerId, input.externalId(), reason);
        em.flush();
    }

    /** Adds a note; portal customers may only write PUBLIC ones. */
    public NoteType addNote(TicketRef ticket, Long customerId, TicketInputs.Note input) {
        if (!caller.isStaff() && input.visibility() != NoteVisibility.PUBLIC) {
            throw ApiException.badInput("portal users can only add PUBLIC notes", "input", "visibility");
        }
        TicketNote note = new TicketNote();
        note.ownedBy(ticket);
        note.customerId = customerId;
        note.visibility = input.visibility();
        note.author = caller.name();
        note.byStaff = caller.isStaff();
        note.body = Inputs.text(input.body(), 10_000, "input", "body");
        em.persist(note);
        em.flush();
        return NoteType.of(note);
    }

    private static Subject subject(TicketKind kind) {
        return switch (kind) {
            case PROBLEM_REPORT -> Subject.PROBLEM_REPORT;
            case SERVICE_TROUBLE -> Subject.SERVICE_TROUBLE;
            case RESOURCE_TROUBLE -> Subject.RESOURCE_TROUBLE;
        };
    }

    private static StateMachine<TicketStatus> machine(TicketKind kind) {
        return switch (kind) {
            case PROBLEM_REPORT -> TicketLifecycles.PROBLEM_REPORT;
            case SERVICE_TROUBLE -> TicketLifecycles.SERVICE_TROUBLE;
            case RESOURCE_TROUBLE -> TicketLifecycles.RESOURCE_TROUBLE;
        };
    }
}
