package dev.supportgraph.events;

import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write side of the transactional outbox: services publish inside the transaction of the
 * change, so the event exists exactly when the change does and every replica is woken on commit.
 *
 * <h2>Payload schema</h2>
 * Every event is a state change with payload
 * {@code {"number": "PR-00000012", "from": "IN_PROGRESS" (null on creation), "to": "RESOLVED",
 * "action": "resolve", "reason": "..." (nullable), "actor": "agent@supportgraph.dev", "at": "2025-01-01T10:00:00Z"}}
 * (states are the enum constant names, action the transition's name or {@code create}).
 * <ul>
 * <li>{@link EventType#TICKET_STATUS_CHANGED}: aggregate {@code PROBLEM_REPORT | SERVICE_TROUBLE |
 * RESOURCE_TROUBLE} ({@link TicketKind} names), aggregateId the ticket's database id, customerId
 * the problem report's customer (null for troubles); TicketStatus states.</li>
 * <li>{@link EventType#ORDER_STATE_CHANGED}: aggregate {@code ORDER}, customerId the order's customer, OrderState states.</li>
 * <li>{@link EventType#ORDER_ITEM_STATE_CHANGED}: aggregate {@code ORDER_ITEM}, number null, OrderItemState states.</li>
 * <li>{@link EventType#INVOICE_STATE_CHANGED}: aggregate {@code INVOICE}, customerId the invoice's customer, InvoiceState states.</li>
 * </ul>
 * Events that are not state changes carry their own payloads (see the producers): SLA_AT_RISK,
 * SLA_BREACHED, SERVICE_CREDIT_GRANTED, PROACTIVE_NOTICE, PROBLEM_REPORT_RATED (aggregate
 * PROBLEM_REPORT) and RESOURCE_TROUBLE_PROPAGATED (aggregate RESOURCE_TROUBLE).
 */
@ApplicationScoped
public class Outbox {

    /**
     * Why the advisory lock: identity values are handed out at insert, not at commit, so without
     * it transaction A could insert id 10, B insert id 11 and commit first; a reader that already
     * moved past 11 would never see 10. Holding one transaction-scoped lock from just before the
     * insert until commit makes outbox ids commit in id order, so "id > last seen" never skips a
     * row (a rolled-back insert only leaves a harmless gap). The price is that outbox writers
     * serialize from their insert to their commit, which is why the rows are only written just
     * before commit (see {@link #publish}). The alternative, reading with a safety window over
     * uncommitted gaps, delays every event by the window and still loses rows of transactions
     * that run longer than it.
     */
    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtext('supportgraph.outbox'))";

    private static final String INSERT = """
            with e as (insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                       values (?, ?, ?, ?, cast(? as jsonb)) returning id)
            select e.id, pg_notify(?, e.id::text) from e""";

    /** One state change of an object, as its event carries it. */
    public record Change(String number, String from, String to, String action, String reason, String actor,
                         OffsetDateTime at) {

        JsonObject payload() {
            return new JsonObject().put("number", number).put("from", from).put("to", to).put("action", action)
                    .put("reason", reason).put("actor", actor).put("at", at.toString());
        }
    }

    private record Pending(EventType type, String aggregate, long aggregateId, Long customerId, JsonObject payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    EventsConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Adds an event to the caller's transaction (there must be one). The row is written (and the
     * notification queued) only when the transaction is about to commit, after Hibernate has
     * flushed: whatever else the transaction does never runs while it holds the outbox lock. A
     * rollback discards it unwritten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, String aggregate, long aggregateId, Long customerId, Change change) {
        pending().add(new Pending(type, aggregate, aggregateId, customerId, change.payload()));
    }

    /** An event that is not a state change (SLA, credits, proactive care, ratings): its own payload. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, String aggregate, long aggregateId, Long customerId, Map<String, ?> payload) {
        pending().add(new Pending(type, aggregate, aggregateId, customerId, new JsonObject(new HashMap<>(payload))));
    }

    @SuppressWarnings("unchecked")
    private List<Pending> pending() {
        List<Pending> events = (List<Pending>) transaction.getResource(Outbox.class);
        if (events == null) {
            List<Pending> queued = new ArrayList<>();
            transaction.putResource(Outbox.class, queued);
            // Hibernate cannot join a transaction that is already completing: join it now.
            em.joinTransaction();
            // Interposed synchronizations run after the ordinary ones, among them Hibernate's flush.
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(queued);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing held
                }
            });
            events = queued;
        }
        return events;
    }

    private void write(List<Pending> events) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending event : events) {
                    insert.setString(1, event.type().name());
                    insert.setString(2, event.aggregate());
                    insert.setLong(3, event.aggregateId());
                    insert.setObject(4, event.customerId(), Types.BIGINT);
                    insert.setString(5, event.payload().encode());
                    insert.setString(6, config.channel());
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                    }
                }
            }
        });
    }
}
