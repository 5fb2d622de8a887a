package dev.supportgraph.ticket;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.lifecycle.Transitions;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    static final int RESOLUTION_LENGTH = 4000;

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

    @Inject
    Outbox outbox;

    public void created(TicketKind kind, TicketEntity ticket, Long customerId) {
        transitions.created(TicketLifecycles.subject(kind), ticket.id, ticket.number, customerId, ticket.status, null,
                TicketQueueState.payload(null, TicketQueueState.of(ticket)));
    }

    /** Applies {@code input} to a loaded ticket (version checked, table checked) and flushes. */
    public void transition(TicketKind kind, TicketEntity ticket, Long customerId, TicketInputs.Transition input) {
        Mutations.checkVersion(ticket.version, input.expectedVersion());
        TicketStatus to = input.to();
        String resolution = to == TicketStatus.RESOLVED ? Inputs.text(input.resolution(), RESOLUTION_LENGTH, "input", "resolution") : null;
        TicketQueueState before = TicketQueueState.of(ticket);
        ticket.status = transitions.move(TicketLifecycles.subject(kind), ticket.id, ticket.number, customerId, ticket.status, to,
                input.reason(), TicketQueueState.payload(before, before.withStatus(to)));
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
     * Applies the edits of a loaded ticket (version checked, each changed field a history row),
     * flushes and announces the changed fields, with {@code earlier} (edits the kind's service
     * made of its own fields, e.g. urgency), by one TICKET_FIELDS_CHANGED event whose payload is
     * {@code {"number", "changes": [{"field", "from", "to"}] (values as the history shows them),
     * "reason", "actor", "at", "queueBefore", "queue"}}; nothing changed, no event. Who may edit
     * which field is the caller's check.
     */
    public void update(TicketKind kind, TicketEntity ticket, Long customerId, TicketInputs.Edit input, List<TicketFieldEdit> earlier) {
        Mutations.checkVersion(ticket.version, input.expectedVersion());
        String reason = input.reason() == null ? null : Inputs.text(input.reason(), REASON_LENGTH, "input", "reason");
        TicketQueueState before = TicketQueueState.of(ticket);
        List<TicketFieldEdit> edits = new ArrayList<>(earlier);
        if (input.title() != null) {
            String title = Inputs.text(input.title(), TITLE_LENGTH, "input", "title");
            edits.add(new TicketFieldEdit(TicketField.TITLE, ticket.title, title));
            ticket.title = title;
        }
        if (input.description() != null) {
            edits.add(new TicketFieldEdit(TicketField.DESCRIPTION, ticket.description, input.description()));
            ticket.description = input.description();
        }
        if (input.priority() != null) {
            edits.add(new TicketFieldEdit(TicketField.PRIORITY, ticket.priority, input.priority()));
            ticket.priority = input.priority();
        }
        if (input.severity() != null) {
            edits.add(new TicketFieldEdit(TicketField.SEVERITY, ticket.severity, input.severity()));
            ticket.severity = input.severity();
        }
        if (input.categoryId() != null) {
            Long category = categories.chosen(input.categoryId(), "input", "categoryId");
            edits.add(new TicketFieldEdit(TicketField.CATEGORY, categories.code(ticket.categoryId), categories.code(category)));
            ticket.categoryId = category;
        }
        TicketFieldEdit externalId = externalIds.update(kind, ticket, input.externalId());
        if (externalId != null) {
            edits.add(externalId);
        }
        TicketRef ref = new TicketRef(kind, ticket.id);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (TicketFieldEdit edit : edits) {
            if (history.changed(ref, customerId, edit.field(), TicketChangeAction.UPDATE, edit.from(), edit.to(), reason)) {
                changes.add(edit.json());
            }
        }
        em.flush();
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Object> payload = TicketQueueState.payload(before, TicketQueueState.of(ticket));
        payload.put("number", ticket.number);
        payload.put("changes", changes);
        payload.put("reason", reason);
        payload.put("actor", caller.name());
        payload.put("at", OffsetDateTime.now().toString());
        outbox.publish(EventType.TICKET_FIELDS_CHANGED, kind.name(), ticket.id, customerId, payload);
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
}
