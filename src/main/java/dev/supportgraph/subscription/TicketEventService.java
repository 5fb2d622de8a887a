package dev.supportgraph.subscription;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.events.EventDispatcher;
import dev.supportgraph.events.EventId;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.events.OutboxReader;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.TicketKind;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Ticket, SLA, order and invoice subscriptions: who may receive which events, decided per subscriber and event. */
@ApplicationScoped
public class TicketEventService {

    /** The outbox types of each subscription, as the rows name them (shared by all its subscribers). */
    private static final Set<String> STATUS_CHANGES = Set.of(EventType.TICKET_STATUS_CHANGED.name());
    private static final Set<String> SLA_ALERTS = Set.of(EventType.SLA_AT_RISK.name(), EventType.SLA_BREACHED.name());
    private static final Set<String> ASSIGNMENTS = Set.of(EventType.TICKET_ASSIGNMENT_CHANGED.name());
    private static final Set<String> ORDER_CHANGES = Set.of(EventType.ORDER_STATE_CHANGED.name());
    private static final Set<String> INVOICE_CHANGES = Set.of(EventType.INVOICE_STATE_CHANGED.name());

    @Inject
    Caller caller;

    @Inject
    EventDispatcher dispatcher;

    public Multi<TicketStatusEvent> ticketStatusChanged(TicketEventFilter filter, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Long customer = filter == null || filter.customerId() == null ? null : GlobalId.decode(CustomerType.TYPE, filter.customerId());
        return subscribe(both(audience(STATUS_CHANGES), matching(filter)), replay(STATUS_CHANGES, customer), TicketStatusEvent::of, afterId);
    }

    /** Assignment changes of tickets: routing is internal, so portal users receive none. */
    public Multi<TicketAssignmentEvent> ticketAssignmentChanged(TicketEventFilter filter, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Predicate<OutboxEvent> staff = caller.isStaff() ? audience(ASSIGNMENTS) : e -> false;
        Long customer = filter == null || filter.customerId() == null ? null : GlobalId.decode(CustomerType.TYPE, filter.customerId());
        return subscribe(both(staff, matching(filter)), replay(ASSIGNMENTS, customer), TicketAssignmentEvent::of, afterId);
    }

    /**
     * Ticket events of {@code types} (names of EventType constants), scoped as ticketStatusChanged:
     * a portal user gets their own customer's problem reports, mapped by {@code customerMapper} (which
     * leaves out what only staff see), staff get {@code staffMapper}'s. For event kinds whose types
     * live in the ticket room.
     */
    public <T> Multi<T> tickets(Set<String> types, TicketEventFilter filter, Function<OutboxEvent, T> staffMapper,
                                Function<OutboxEvent, T> customerMapper, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Long customer = filter == null || filter.customerId() == null ? null : GlobalId.decode(CustomerType.TYPE, filter.customerId());
        Function<OutboxEvent, T> mapper = caller.isStaff() ? staffMapper : customerMapper;
        return subscribe(both(audience(types), matching(filter)), replay(types, customer), mapper, afterId);
    }

    /**
     * Staff's stream of the events of {@code types} that {@code accepts}, each mapped by the mapper
     * {@code mappers} chooses for it (one of a few shared ones); portal users receive nothing.
     */
    public <T> Multi<T> staffChoosing(Set<String> types, Predicate<OutboxEvent> accepts,
                                      Function<OutboxEvent, Function<OutboxEvent, T>> mappers, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Predicate<OutboxEvent> staff = caller.isStaff() ? both(e -> types.contains(e.type()), accepts) : e -> false;
        return subscribeChoosing(staff, replay(types, null), mappers, afterId);
    }

    /** SLA at-risk and breach alerts of problem reports, optionally of one customer. */
    public Multi<SlaAlert> slaAlerts(String customerId, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Predicate<OutboxEvent> accepts = audience(SLA_ALERTS);
        Long customer = customerId == null ? null : GlobalId.decode(CustomerType.TYPE, customerId);
        if (customer != null) {
            accepts = both(accepts, e -> customer.equals(e.customerId()));
        }
        return subscribe(accepts, replay(SLA_ALERTS, customer), SlaAlert::of, afterId);
    }

    /** State changes of product orders: staff see all, a portal user their own customer's, systems of record none. */
    public Multi<OrderStateEvent> orderStateChanged(OrderEventFilter filter, String after) {
        String customerId = filter == null ? null : filter.customerId();
        List<? extends Enum<?>> states = filter == null ? null : filter.states();
        return customerObjects(ORDER_CHANGES, customerId, states, OrderStateEvent::of, after);
    }

    /** State changes of invoices, scoped as orderStateChanged. */
    public Multi<InvoiceStateEvent> invoiceStateChanged(InvoiceEventFilter filter, String after) {
        String customerId = filter == null ? null : filter.customerId();
        List<? extends Enum<?>> states = filter == null ? null : filter.states();
        return customerObjects(INVOICE_CHANGES, customerId, states, InvoiceStateEvent::of, after);
    }

    /**
     * State changes of objects that always belong to a customer (the outbox row carries it): the
     * caller's customer scope decides alone, so the integration role (scoped to no customer) gets none.
     */
    private <T> Multi<T> customerObjects(Set<String> types, String customerId, List<? extends Enum<?>> states,
                                         Function<OutboxEvent, T> mapper, String after) {
        Long afterId = after == null ? null : EventId.decode(after);
        Long customer = customerId == null ? null : GlobalId.decode(CustomerType.TYPE, customerId);
        Predicate<OutboxEvent> accepts = e -> types.contains(e.type());
        OptionalLong scope = caller.customerScope();
        if (scope.isPresent()) {
            Long own = scope.getAsLong();
            accepts = accepts.and(e -> own.equals(e.customerId()));
        }
        if (customer != null) {
            accepts = accepts.and(e -> customer.equals(e.customerId()));
        }
        if (states != null) {
            Set<String> names = states.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
            accepts = accepts.and(e -> names.contains(e.payload().getString("to")));
        }
        return subscribe(accepts, replay(types, customer), mapper, afterId);
    }

    /**
     * The subscription of an authenticated caller; an anonymous one gets a stream that fails at once
     * (as @Authenticated would fail it, whose interceptor would instead keep Mutiny operators, each
     * with a capture of the subscribing request's contexts, for the subscription's whole life).
     */
    private <T> Multi<T> subscribe(Predicate<OutboxEvent> accepts, OutboxReader.Scope replay, Function<OutboxEvent, T> mapper,
                                   Long after) {
        return subscribeChoosing(accepts, replay, event -> mapper, after);
    }

    private <T> Multi<T> subscribeChoosing(Predicate<OutboxEvent> accepts, OutboxReader.Scope replay,
                                           Function<OutboxEvent, Function<OutboxEvent, T>> mappers, Long after) {
        if (caller.isAnonymous()) {
            return Multi.createFrom().failure(new UnauthorizedException());
        }
        return dispatcher.subscribeChoosing(accepts, replay, mappers, after);
    }

    /**
     * What a replay of these types reads in SQL: a portal user's own customer's rows, or those of
     * the customer a staff subscriber filters on (a portal user filtering on another customer
     * matches nothing anyway; the subscriber's condition decides).
     */
    private OutboxReader.Scope replay(Set<String> types, Long filteredCustomer) {
        OptionalLong scope = caller.customerScope();
        return new OutboxReader.Scope(types, scope.isPresent() ? Long.valueOf(scope.getAsLong()) : filteredCustomer);
    }

    /**
     * The events of these types this caller may see, decided now: the request scope (and with it
     * the caller) is not active on the dispatcher thread. Staff see every ticket; a portal user only
     * the problem reports of their own customer, never troubles. Filters naming other customers'
     * tickets then simply match nothing, which reveals nothing about their existence.
     */
    private Predicate<OutboxEvent> audience(Set<String> types) {
        Predicate<OutboxEvent> typed = e -> types.contains(e.type());
        OptionalLong scope = caller.customerScope();
        if (scope.isEmpty()) {
            return typed;
        }
        Long customer = scope.getAsLong();
        return typed.and(e -> e.aggregate().equals(TicketKind.PROBLEM_REPORT.name()) && customer.equals(e.customerId()));
    }

    /**
     * The filter's conditions, or null when it has none. A subscriber keeps them for its whole life,
     * so they are compact: immutable sets (one ticket is a two-field set, not a hash table) and no
     * always-true link in the chain.
     */
    private static Predicate<OutboxEvent> matching(TicketEventFilter filter) {
        if (filter == null) {
            return null;
        }
        Predicate<OutboxEvent> matches = null;
        if (filter.kinds() != null) {
            Set<String> kinds = filter.kinds().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
            matches = e -> kinds.contains(e.aggregate());
        }
        if (filter.ticketIds() != null) {
            Set<TicketRef> tickets = ticketRefs(filter.ticketIds());
            matches = both(matches, e -> tickets.contains(new TicketRef(e.aggregate(), e.aggregateId())));
        }
        if (filter.customerId() != null) {
            Long customer = GlobalId.decode(CustomerType.TYPE, filter.customerId());
            matches = both(matches, e -> customer.equals(e.customerId()));
        }
        return matches;
    }

    /** Both conditions; a null one is no condition. */
    private static Predicate<OutboxEvent> both(Predicate<OutboxEvent> first, Predicate<OutboxEvent> second) {
        return first == null ? second : second == null ? first : first.and(second);
    }

    /** A ticket as the outbox rows name it (tested against every event of a fan-out, per subscriber). */
    private record TicketRef(String aggregate, long id) {
    }

    private static Set<TicketRef> ticketRefs(List<String> ids) {
        return ids.stream().map(value -> {
            GlobalId id = GlobalId.decode(value);
            TicketKind kind = TicketKind.ofNodeType(id.type());
            if (kind == null) {
                throw ApiException.of(ErrorCode.INVALID_ID, "Expected the id of a ticket: " + value);
            }
            return new TicketRef(kind.name(), id.id());
        }).collect(Collectors.toUnmodifiableSet());
    }
}
