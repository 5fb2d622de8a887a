package dev.supportgraph.ticket;

import dev.supportgraph.graph.CustomerSees;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What all tickets share: notes and status history, loaded for any mix of ticket kinds with one
 * statement. The tickets passed in are already visible to the caller; portal customers
 * additionally never see INTERNAL notes.
 */
@ApplicationScoped
public class TicketService implements NodeLoader {

    /** Read-only, see {@link dev.supportgraph.graph.ScopedReads}. */
    @Inject
    StatelessSession session;

    @Inject
    Caller caller;

    /** The notes of each ticket, oldest first, aligned with {@code tickets}. */
    public List<List<NoteType>> notes(List<? extends Ticket> tickets) {
        return align(tickets, ownedBy(TicketNote.class, tickets), NoteType::of, NoteType::ticket);
    }

    /** The status changes of each ticket, oldest first, aligned with {@code tickets}. */
    public List<List<StatusChangeType>> statusHistory(List<? extends Ticket> tickets) {
        return align(tickets, ownedBy(StatusChange.class, tickets), StatusChangeType::of, StatusChangeType::ticket);
    }

    /** The field changes of each ticket, oldest first, aligned with {@code tickets}; empty lists for portal customers. */
    public List<List<TicketFieldChangeType>> fieldChanges(List<? extends Ticket> tickets) {
        return align(tickets, ownedBy(TicketFieldChange.class, tickets), TicketFieldChangeType::of, TicketFieldChangeType::ticket);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(NoteType.TYPE);
    }

    /** Notes by id: staff see all; a portal customer only the PUBLIC notes of their own problem reports. */
    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        Where where = new Where().keyIn("e.id", ids);
        caller.customerScope().ifPresent(scope -> where.add(TicketNote.PUBLIC + " and e.customerId = :%s", scope));
        TypedQuery<TicketNote> query = session.createQuery("select e from TicketNote e where " + where.hql(), TicketNote.class);
        where.params().forEach(query::setParameter);
        return query.getResultList().stream().map(NoteType::of).toList();
    }

    /** The rows of {@code entity} owned by the tickets; for portal customers only those {@link CustomerSees} lets them see. */
    private <E extends TicketOwned> List<E> ownedBy(Class<E> entity, List<? extends Ticket> tickets) {
        CustomerSees sees = entity.getAnnotation(CustomerSees.class);
        String customerSees = sees != null && caller.customerScope().isPresent() ? sees.value() : null;
        if (tickets.isEmpty() || CustomerSees.NOTHING.equals(customerSees)) {
            return List.of();
        }
        String condition = customerSees == null ? "" : " and " + customerSees;
        Map<TicketKind, List<Long>> byKind = tickets.stream().collect(Collectors.groupingBy(Ticket::kind,
                () -> new EnumMap<>(TicketKind.class), Collectors.mapping(Ticket::key, Collectors.toList())));
        List<String> owners = new ArrayList<>();
        byKind.keySet().forEach(kind -> owners.add(KeyList.condition(ownerPath(kind), kind.name())));
        TypedQuery<E> query = session.createQuery("select e from " + entity.getSimpleName() + " e where ("
                + String.join(" or ", owners) + ")" + condition + " order by e.id", entity);
        byKind.forEach((kind, keys) -> query.setParameter(kind.name(), KeyList.of(keys)));
        return query.getResultList();
    }

    private static String ownerPath(TicketKind kind) {
        return switch (kind) {
            case PROBLEM_REPORT -> "e.problemReportId";
            case SERVICE_TROUBLE -> "e.serviceTroubleId";
            case RESOURCE_TROUBLE -> "e.resourceTroubleId";
        };
    }

    private static <E, T> List<List<T>> align(List<? extends Ticket> tickets, List<E> rows, Function<E, T> mapper,
                                             Function<T, TicketRef> owner) {
        Map<TicketRef, List<T>> byTicket = rows.stream().map(mapper).collect(Collectors.groupingBy(owner));
        return tickets.stream().map(t -> byTicket.getOrDefault(TicketRef.of(t), List.of())).toList();
    }
}
