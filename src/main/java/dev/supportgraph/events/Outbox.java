package dev.supportgraph.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * The write side of the transactional outbox: services call it inside the transaction of the
 * change, so the event exists exactly when the change does and every replica is woken on commit.
 *
 * <h2>Payload schema (agreed with the lifecycle mutations)</h2>
 * <ul>
 * <li>{@link EventType#TICKET_STATUS_CHANGED}: aggregate {@code PROBLEM_REPORT | SERVICE_TROUBLE |
 * RESOURCE_TROUBLE} ({@link TicketKind} names), aggregateId the ticket's database id, customerId
 * the problem report's customer (null for troubles), payload
 * {@code {"number": "PR-00000012", "from": "IN_PROGRESS" (null on creation), "to": "RESOLVED",
 * "reason": "..." (nullable), "actor": "agent@supportgraph.dev", "at": "2025-01-01T10:00:00Z"}}
 * (statuses are the TicketStatus constant names). Use {@link #ticketStatusChanged}.</li>
 * <li>{@link EventType#ORDER_STATE_CHANGED}: aggregate {@code PRODUCT_ORDER}, customerId the
 * order's customer, payload {@code {number, from, to, reason, actor, at}} with ProductOrder states.</li>
 * <li>{@link EventType#INVOICE_STATE_CHANGED}: aggregate {@code INVOICE}, customerId the invoice's
 * customer, payload {@code {number, from, to, reason, actor, at}} with invoice states.</li>
 * </ul>
 */
@ApplicationScoped
public class Outbox {

    /**
     * Why the advisory lock: identity values are handed out at insert, not at commit, so without
     * it transaction A could insert id 10, B insert id 11 and commit first; a reader that already
     * moved past 11 would never see 10. Holding one transaction-scoped lock from just before the
     * insert until commit makes outbox ids commit in id order, so "id > last seen" never skips a
     * row (a rolled-back insert only leaves a harmless gap). The price is that outbox writers
     * serialize from their publish call to their commit: call publish as the last statement of the
     * transaction. The alternative, reading with a safety window over uncommitted gaps, delays
     * every event by the window and still loses rows of transactions that run longer than it.
     */
    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtext('supportgraph.outbox'))";

    private static final String INSERT = """
            with e as (insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                       values (?, ?, ?, ?, cast(? as jsonb)) returning id)
            select e.id, pg_notify(?, e.id::text) from e""";

    @Inject
    EntityManager em;

    @Inject
    EventsConfig config;

    /**
     * Writes one event in the caller's transaction (there must be one) and notifies the listeners
     * of every replica when it commits. Returns the event id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long publish(EventType type, String aggregate, long aggregateId, Long customerId, JsonObject payload) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, type.name());
                insert.setString(2, aggregate);
                insert.setLong(3, aggregateId);
                insert.setObject(4, customerId, Types.BIGINT);
                insert.setString(5, payload.encode());
                insert.setString(6, config.channel());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A ticket status change (see the payload schema above); {@code from} is null on creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long ticketStatusChanged(TicketKind kind, long ticketId, Long customerId, String number,
                                    String from, String to, String reason, String actor, OffsetDateTime at) {
        JsonObject payload = new JsonObject()
                .put("number", number).put("from", from).put("to", to)
                .put("reason", reason).put("actor", actor).put("at", at.toString());
        return publish(EventType.TICKET_STATUS_CHANGED, kind.name(), ticketId, customerId, payload);
    }
}
