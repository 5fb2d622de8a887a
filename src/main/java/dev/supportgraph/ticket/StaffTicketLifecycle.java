package dev.supportgraph.ticket;

import dev.supportgraph.category.TicketCategoryService;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The mutations every staff-only ticket kind has (service and resource troubles: SRE and admins
 * act, no customer scope): create once per idempotency key and external id, edit, transition,
 * notes, and a checked edit of one of the kind's own fields. A kind's lifecycle extends it with
 * its entity, its type record and its own mutations.
 *
 * @param <E> the kind's entity
 * @param <T> the kind's GraphQL type record
 */
@Transactional
public abstract class StaffTicketLifecycle<E extends TicketEntity, T> {

    /** Who may create and change staff tickets; also the planned status change's roles (each kind's TicketTransitionRoute). */
    public static final List<String> ROLES = List.of(Role.SRE, Role.ADMIN);

    private static final int TITLE_LENGTH = 200;

    @Inject
    protected EntityManager em;

    @Inject
    protected Caller caller;

    @Inject
    protected Idempotency idempotency;

    @Inject
    protected TicketLifecycle tickets;

    @Inject
    protected TicketExternalIds externalIds;

    @Inject
    protected TicketCategoryService categories;

    private final TicketKind kind;
    private final Class<E> entity;
    private final Function<E, T> type;
    /** The kind's name in NOT_FOUND messages, e.g. "Service trouble". */
    private final String noun;

    protected StaffTicketLifecycle(TicketKind kind, Class<E> entity, Function<E, T> type, String noun) {
        this.kind = kind;
        this.entity = entity;
        this.type = type;
        this.noun = noun;
    }

    /**
     * Creates a ticket once per idempotency key ({@code operation} names the mutation) and
     * external id, status ACKNOWLEDGED: {@code own} checks and sets the kind's own fields on the new
     * entity before the common ones, {@code linked} adds its links once it has its id.
     */
    protected T create(String operation, TicketInputs.Create input, Supplier<E> newTicket, Consumer<E> own,
                       Consumer<E> linked) {
        requireOperations();
        long id = idempotency.once(operation, input.idempotencyKey(), input, () -> externalIds.create(kind,
                input.externalId(), input, externalId -> {
                    E ticket = newTicket.get();
                    own.accept(ticket);
                    ticket.externalId = externalId;
                    ticket.title = Inputs.text(input.title(), TITLE_LENGTH, "input", "title");
                    ticket.description = input.description() == null ? "" : input.description();
                    ticket.severity = input.severity();
                    ticket.priority = input.priority();
                    ticket.categoryId = categories.chosen(input.categoryId(), "input", "categoryId");
                    ticket.status = TicketStatus.ACKNOWLEDGED;
                    em.persist(ticket);
                    linked.accept(ticket);
                    tickets.created(kind, ticket, null);
                    return ticket.id;
                }, Idempotency.STAFF_ONLY), Idempotency.STAFF_ONLY);
        return type.apply(em.find(entity, id));
    }

    /** Edits the ticket's fields (staff), recording each change. */
    public T update(TicketInputs.Update input) {
        E ticket = load(input.id());
        tickets.update(kind, ticket, null, input, List.of());
        return type.apply(ticket);
    }

    public T transition(TicketInputs.Transition input) {
        E ticket = load(input.id());
        tickets.transition(kind, ticket, null, input);
        transitioned(ticket);
        return type.apply(ticket);
    }

    /** After a transition through {@link #transition}, in its transaction: what else the new status means. */
    protected void transitioned(E ticket) {
    }

    public NoteType addNote(TicketInputs.Note input) {
        E ticket = load(input.id());
        return tickets.addNote(new TicketRef(kind, ticket.id), null, input);
    }

    /** Changes the ticket's own fields at the version the client read. */
    protected T edit(String id, int expectedVersion, Consumer<E> change) {
        E ticket = load(id);
        Mutations.checkVersion(ticket.version, expectedVersion);
        change.accept(ticket);
        em.flush();
        return type.apply(ticket);
    }

    /** The ticket of this global id, for staff in operations; NOT_FOUND when there is none. */
    protected E load(String id) {
        requireOperations();
        E ticket = em.find(entity, Inputs.id(kind.nodeType, id, "input", "id"));
        if (ticket == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), noun + " not found: " + id);
        }
        return ticket;
    }

    protected void requireOperations() {
        caller.require(ROLES.toArray(String[]::new));
    }
}
