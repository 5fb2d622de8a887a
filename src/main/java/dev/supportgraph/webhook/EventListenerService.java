package dev.supportgraph.webhook;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    WebhookConfig config;

    /** The caller's listeners (all of them for admin and integration, a portal user's own), oldest first. */
    public List<EventListenerType> list() {
        if (!manages() && !caller.has(Role.CUSTOMER)) {
            return List.of();
        }
        OptionalLong own = owner();
        List<EventListener> listeners = own.isEmpty()
                ? em.createQuery("select l from EventListener l order by l.id", EventListener.class).getResultList()
                : em.createQuery("select l from EventListener l where l.ownerCustomerId = ?1 order by l.id", EventListener.class)
                .setParameter(1, own.getAsLong()).getResultList();
        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select listener_id, count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'DEAD')
                        from webhook_delivery where status <> 'DELIVERED' and listener_id = any(?1) group by listener_id""")
                .setParameter(1, listeners.stream().map(l -> l.id).toArray(Long[]::new)).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return listeners.stream().map(l -> {
            long[] c = counts.getOrDefault(l.id, new long[2]);
            return EventListenerType.of(l, c[0], c[1]);
        }).toList();
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
