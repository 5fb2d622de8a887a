package dev.supportgraph.webhook;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.StatelessSession;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Webhook listeners: admins and systems of record (integration) manage all of them; a portal user
 * registers and manages only their own, which receive only their own customer's events (the
 * fan-out matches on the listener's customer, and tickets of other kinds than problem reports
 * carry no customer). Someone else's listener is NOT_FOUND to a portal user; agents and SRE are refused.
 */
@ApplicationScoped
@Transactional
public class EventListenerService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    StatelessSession session;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    WebhookConfig config;

    /** The listeners' keyset order: oldest first (ids grow with registration). */
    private static final SortKey<EventListener> OLDEST_FIRST = new SortKey<>("ID", "e.id", l -> l.id, Long::valueOf);

    /**
     * A page of the caller's listeners (all of them for admin and integration, a portal user's own;
     * none for other roles), oldest first, with the total when {@code withTotal}.
     */
    public EventListenerConnection connection(PageRequest request, EventListenerFilter filter, boolean withTotal) {
        if (!manages() && !caller.has(Role.CUSTOMER)) {
            return new EventListenerConnection(List.of(), Page.empty().pageInfo(), withTotal ? 0 : null);
        }
        Page<EventListener> page = Keyset.page(session, EventListener.class, where(filter), OLDEST_FIRST, false, request, l -> l.id);
        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select listener_id, count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'DEAD')
                        from webhook_delivery where status <> 'DELIVERED' and listener_id = any(?1) group by listener_id""")
                .setParameter(1, page.rows().stream().map(l -> l.id).toArray(Long[]::new)).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        Page<EventListenerType> types = page.map(l -> {
            long[] c = counts.getOrDefault(l.id, new long[2]);
            return EventListenerType.of(l, c[0], c[1]);
        });
        return new EventListenerConnection(types.edges(EventListenerConnection.EventListenerEdge::new), types.pageInfo(),
                withTotal ? (int) Keyset.count(session, EventListener.class, where(filter)) : null);
    }

    /** The filter's conditions within the caller's scope (a portal user's own listeners). */
    private Where where(EventListenerFilter filter) {
        Where where = new Where();
        owner().ifPresent(own -> where.eq("e.ownerCustomerId", own));
        if (filter != null) {
            where.in("e.state", filter.state() == null ? null : filter.state().stream().map(Enum::name).toList());
            // array_position per type: array_intersects and array_contains bind the types as varchar[], which PostgreSQL
            // cannot compare to the text[] column; a varchar element is compatible with it.
            List<WebhookEventType> types = filter.eventType() == null ? List.of() : filter.eventType();
            where.any(types.stream().map(t -> "array_position(e.eventTypes, :" + t.name() + ") > 0").toList(),
                    types.stream().collect(Collectors.toMap(Enum::name, t -> t.tmfName, (x, y) -> x)));
        }
        return where;
    }

    public EventListenerPayload register(EventListenerInputs.Register input) {
        caller.require(Role.ADMIN, Role.INTEGRATION, Role.CUSTOMER);
        long id = idempotency.once("eventListenerRegister", input.idempotencyKey(), input, () -> create(input),
                key -> visible(em.find(EventListener.class, key)));
        EventListener listener = em.find(EventListener.class, id);
        return new EventListenerPayload(type(listener), listener.secret, null, List.of());
    }

    public EventListenerPayload pause(EventListenerInputs.Change input) {
        EventListener listener = find(input);
        listener.state = EventListenerState.PAUSED.name();
        return EventListenerPayload.ok(touched(listener));
    }

    /** Resumes sending; what queued up meanwhile starts its dead-letter age now. */
    public EventListenerPayload resume(EventListenerInputs.Change input) {
        EventListener listener = find(input);
        // Before the listener is dirtied: the native statement flushes, and one change is one version step.
        // A delivery still leased (paused while in flight) keeps its lease: made due now, it would be sent twice.
        em.createNativeQuery("""
                        update webhook_delivery set pending_since = now(), next_attempt_at = case when lease_id is null then now() else next_attempt_at end
                        where listener_id = ?1 and status = 'PENDING'""")
                .setParameter(1, listener.id).executeUpdate();
        listener.state = EventListenerState.ACTIVE.name();
        return EventListenerPayload.ok(touched(listener));
    }

    /** Deletes the listener and its deliveries (pending ones are not sent). */
    public EventListenerPayload delete(EventListenerInputs.Change input) {
        EventListener listener = find(input);
        EventListenerType was = type(listener);
        em.remove(listener);
        em.flush();
        return EventListenerPayload.ok(was);
    }

    /** Admin: the listener's dead-lettered deliveries become pending again, with a fresh dead-letter age. */
    public EventListenerPayload replay(EventListenerInputs.Change input) {
        caller.require(Role.ADMIN);
        EventListener listener = find(input);
        int replayed = em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, pending_since = now(), next_attempt_at = now()
                        where listener_id = ?1 and status = 'DEAD'""")
                .setParameter(1, listener.id).executeUpdate();
        return new EventListenerPayload(touched(listener), null, replayed, List.of());
    }

    private long create(EventListenerInputs.Register input) {
        List<WebhookEventType> types = Inputs.required(input.eventTypes(), "input", "eventTypes");
        if (types.isEmpty()) {
            throw ApiException.badInput("Name at least one event type", "input", "eventTypes");
        }
        EventListener listener = new EventListener();
        listener.callbackUrl = CallbackUrls.check(input.callbackUrl(), config.allowPrivateTargets());
        listener.eventTypes = types.stream().distinct().map(t -> t.tmfName).toArray(String[]::new);
        listener.customerId = input.customerId() == null ? null : Inputs.id(CustomerType.TYPE, input.customerId(), "input", "customerId");
        OptionalLong own = owner();
        if (own.isPresent()) {
            if (listener.customerId != null && listener.customerId != own.getAsLong()) {
                throw customerNotFound(input.customerId());
            }
            listener.customerId = own.getAsLong();
            listener.ownerCustomerId = own.getAsLong();
            long registered = ((Number) em.createNativeQuery("select count(*) from webhook_listener where owner_customer_id = ?1")
                    .setParameter(1, own.getAsLong()).getSingleResult()).longValue();
            if (registered >= config.maxListenersPerCustomer()) {
                throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input"),
                        "A customer may register at most " + config.maxListenersPerCustomer() + " listeners");
            }
        } else if (listener.customerId != null && em.createNativeQuery("select 1 from customer where id = ?1")
                .setParameter(1, listener.customerId).getResultList().isEmpty()) {
            throw customerNotFound(input.customerId());
        }
        byte[] secret = new byte[config.secretBytes()];
        RANDOM.nextBytes(secret);
        listener.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        listener.state = EventListenerState.ACTIVE.name();
        listener.createdBy = caller.name();
        em.persist(listener);
        return listener.id;
    }

    private static ApiException customerNotFound(String id) {
        return ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "customerId"), "Customer not found: " + id);
    }

    /** The listener a change names, if the caller may manage it, at the expected version. */
    private EventListener find(EventListenerInputs.Change input) {
        caller.require(Role.ADMIN, Role.INTEGRATION, Role.CUSTOMER);
        EventListener listener = em.find(EventListener.class, Inputs.id(EventListenerType.TYPE, input.id(), "input", "id"));
        if (!visible(listener)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Event listener not found: " + input.id());
        }
        Mutations.checkVersion(listener.version, input.expectedVersion());
        return listener;
    }

    private boolean visible(EventListener listener) {
        OptionalLong own = owner();
        return listener != null && (own.isEmpty() || Long.valueOf(own.getAsLong()).equals(listener.ownerCustomerId));
    }

    private boolean manages() {
        return caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION);
    }

    /** The portal customer whose listeners the caller manages, or empty for admin and integration. */
    private OptionalLong owner() {
        return manages() ? OptionalLong.empty() : caller.customerScope();
    }

    private EventListenerType touched(EventListener listener) {
        listener.updatedAt = java.time.OffsetDateTime.now();
        em.flush();
        return type(listener);
    }

    private EventListenerType type(EventListener listener) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'DEAD')
                        from webhook_delivery where listener_id = ?1 and status <> 'DELIVERED'""")
                .setParameter(1, listener.id).getSingleResult();
        return EventListenerType.of(listener, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }
}
