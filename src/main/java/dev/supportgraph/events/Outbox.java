package dev.supportgraph.events;

import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The write side of the transactional outbox and of the status history: services publish inside
 * the transaction of the change, so the event (and a state change's status_change row) exists
 * exactly when the change does and every replica is woken on commit.
 *
 * <h2>One statement per transaction</h2>
 * What a transaction publishes is queued and written just before it commits, after Hibernate's
 * flush, by ONE statement: the queued status_change rows, the advisory lock (below) and the
 * outbox rows with their NOTIFYs. A transition thus costs its own statements plus this one,
 * however many events it cascades into. The history of the transaction is therefore not in the
 * table before commit: a read of it inside the writing transaction calls {@link #writeHistory}
 * first ({@code Transitions.previous} does). Reads from later transactions (payload resolvers run
 * after the mutation's transaction) see everything committed.
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
 * PROBLEM_REPORT), RESOURCE_TROUBLE_PROPAGATED (aggregate RESOURCE_TROUBLE) and TICKET_ASSIGNMENT_CHANGED
 * (aggregate a TicketKind name, see TicketAssignment).
 */
@ApplicationScoped
public class Outbox {

    /**
     * The lock that makes outbox ids commit in id order (see WRITE_TRAIL), as an SQL expression: a
     * statement that writes outbox rows itself (ticket.PlannedTransitions) takes it before their ids.
     */
    public static final String LOCK = "pg_advisory_xact_lock(hashtext('supportgraph.outbox'))";

    /** Inserts the status_change rows given as a JSON array of objects named like its columns, in array order. */
    private static final String INSERT_HISTORY = """
            insert into status_change (problem_report_id, service_trouble_id, resource_trouble_id, order_id, order_item_id,
                                       invoice_id, customer_id, from_status, to_status, reason, actor)
            select h.problem_report_id, h.service_trouble_id, h.resource_trouble_id, h.order_id, h.order_item_id,
                   h.invoice_id, h.customer_id, h.from_status, h.to_status, h.reason, h.actor
            from jsonb_populate_recordset(null::status_change, cast(?1 as jsonb)) with ordinality h
            order by h.ordinality""";

    /**
     * The trail of a transaction: its remaining history rows (?1), its events (?2, JSON like
     * INSERT_HISTORY's) and one NOTIFY per event on channel ?3; returns the number of events.
     * <p>
     * Why the advisory lock: identity values are handed out at insert, not at commit, so without
     * it transaction A could insert id 10, B insert id 11 and commit first; a reader that already
     * moved past 11 would never see 10. Holding one transaction-scoped lock from before the ids
     * are drawn until commit makes outbox ids commit in id order, so "id > last seen" never skips
     * a row (a rolled-back insert only leaves a harmless gap). The lock is taken in this statement
     * before any id: every row the outbox insert reads is joined with the {@code locked} row, and
     * the identity default is evaluated on those joined rows. The price is that outbox writers
     * serialize from this statement to their commit, which is why it only runs just before commit
     * (see {@link #publish}). The alternative, reading with a safety window over uncommitted gaps,
     * delays every event by the window and still loses rows of transactions that run longer than it.
     */
    private static final String WRITE_TRAIL = "with locked as (select " + Outbox.LOCK + "),\n"
            + "history as (" + INSERT_HISTORY + "),\n" + """
            events as (insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                       select e.type, e.aggregate, e.aggregate_id, e.customer_id, e.payload
                       from locked, jsonb_populate_recordset(null::outbox_event, cast(?2 as jsonb)) with ordinality e
                       order by e.ordinality
                       returning id)
            select count(*) from events, pg_notify(?3, events.id::text)""";

    /**
     * One state change of an object, as its event carries it; {@code extra} adds entries of the
     * object's own (a ticket's queue state, see TicketQueueState).
     */
    public record Change(String number, String from, String to, String action, String reason, String actor,
                         OffsetDateTime at, Map<String, ?> extra) {

        public Change(String number, String from, String to, String action, String reason, String actor, OffsetDateTime at) {
            this(number, from, to, action, reason, actor, at, Map.of());
        }

        JsonObject payload() {
            JsonObject payload = new JsonObject(new HashMap<>(extra));
            return payload.put("number", number).put("from", from).put("to", to).put("action", action)
                    .put("reason", reason).put("actor", actor).put("at", at.toString());
        }
    }

    /** What a transaction queued: status_change rows not written yet and its events, as JSON rows. */
    private record Trail(JsonArray history, JsonArray events) {
    }

    @Inject
    EntityManager em;

    @Inject
    EventsConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Adds a state change to the caller's transaction (there must be one): its status_change row
     * ({@code historyColumn}, e.g. {@code problem_report_id}, holds {@code aggregateId}) and its
     * event. Both are written (and the notification queued) only when the transaction is about to
     * commit, after Hibernate has flushed: whatever else the transaction does never runs while it
     * holds the outbox lock. A rollback discards them unwritten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, String aggregate, long aggregateId, Long customerId, String historyColumn, Change change) {
        Trail trail = trail();
        trail.history().add(new JsonObject().put(historyColumn, aggregateId).put("customer_id", customerId)
                .put("from_status", change.from()).put("to_status", change.to()).put("reason", change.reason())
                .put("actor", change.actor()));
        trail.events().add(event(type, aggregate, aggregateId, customerId, change.payload()));
    }

    /** An event that is not a state change (SLA, credits, proactive care, ratings): its own payload, no history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, String aggregate, long aggregateId, Long customerId, Map<String, ?> payload) {
        trail().events().add(event(type, aggregate, aggregateId, customerId, new JsonObject(new HashMap<>(payload))));
    }

    /**
     * Writes the status_change rows this transaction queued so far, for a read of the history
     * inside it; their events still wait for commit. Takes no lock: history ids need no commit order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeHistory() {
        Trail trail = (Trail) transaction.getResource(Outbox.class);
        if (trail != null && !trail.history().isEmpty()) {
            em.createNativeQuery(INSERT_HISTORY).setParameter(1, trail.history().encode()).executeUpdate();
            trail.history().clear();
        }
    }

    private static JsonObject event(EventType type, String aggregate, long aggregateId, Long customerId, JsonObject payload) {
        return new JsonObject().put("type", type.name()).put("aggregate", aggregate).put("aggregate_id", aggregateId)
                .put("customer_id", customerId).put("payload", payload);
    }

    private Trail trail() {
        Trail trail = (Trail) transaction.getResource(Outbox.class);
        if (trail == null) {
            Trail queued = new Trail(new JsonArray(), new JsonArray());
            transaction.putResource(Outbox.class, queued);
            // Hibernate runs this when the transaction completes, after its flush and while it still
            // holds the connection; a rollback never gets there.
            em.unwrap(SessionImplementor.class).getTransactionCompletionCallbacks()
                    .registerCallback((BeforeCompletionCallback) session -> write(session, queued));
            trail = queued;
        }
        return trail;
    }

    private void write(SharedSessionContractImplementor session, Trail trail) {
        session.createNativeQuery(WRITE_TRAIL, Long.class).setParameter(1, trail.history().encode())
                .setParameter(2, trail.events().encode()).setParameter(3, config.channel())
                .getSingleResult();
    }
}
