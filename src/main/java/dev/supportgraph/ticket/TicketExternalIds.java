package dev.supportgraph.ticket;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * The id a ticket has in another system (a partner's ticketing, a network manager): unique per
 * kind. Creating a ticket with an externalId is idempotent across callers: the same input again
 * returns the ticket made the first time (whatever its idempotencyKey); another input, or an
 * externalId another ticket of the kind carries, is a userError on externalId. Staff may set or
 * change it later; the change is recorded in the ticket's history.
 */
@ApplicationScoped
public class TicketExternalIds {

    private static final String FIELD = "externalId";

    /** One lock per (kind, externalId) for the transaction: two writers of one id take turns. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended(?1 || ':' || ?2, 0))";

    @Inject
    EntityManager em;

    @Inject
    Idempotency idempotency;

    /**
     * Runs {@code create} with the checked externalId (null when none is given), or, when this
     * externalId was created with this input before, returns that ticket if {@code visible} accepts it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long create(TicketKind kind, String externalId, Object input, ToLongFunction<String> create, LongPredicate visible) {
        if (externalId == null) {
            return create.applyAsLong(null);
        }
        String id = Inputs.externalId(externalId, "input", FIELD);
        JsonObject fingerprint = JsonObject.mapFrom(input);
        fingerprint.remove("idempotencyKey");
        return idempotency.onceByExternalId(kind.name() + "_EXTERNAL_ID", id, fingerprint.encode(), () -> {
            requireFree(kind, id);
            return create.applyAsLong(id);
        }, created -> carries(kind, created, id) && visible.test(created), () -> taken(kind));
    }

    /**
     * Sets the ticket's externalId to {@code externalId} (when given and different), checked to be
     * free; returns the edit for the caller to record with the others, or null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketFieldEdit update(TicketKind kind, TicketEntity ticket, String externalId) {
        if (externalId == null) {
            return null;
        }
        String id = Inputs.externalId(externalId, "input", FIELD);
        if (id.equals(ticket.externalId)) {
            return null;
        }
        requireFree(kind, id);
        TicketFieldEdit edit = new TicketFieldEdit(TicketField.EXTERNAL_ID, ticket.externalId, id);
        ticket.externalId = id;
        return edit;
    }

    private void requireFree(TicketKind kind, String externalId) {
        em.createNativeQuery(LOCK).setParameter(1, kind.name()).setParameter(2, externalId).getSingleResult();
        if (!em.createNativeQuery("select 1 from " + kind.table + " where external_id = ?1").setParameter(1, externalId)
                .getResultList().isEmpty()) {
            throw taken(kind);
        }
    }

    /** Whether the ticket still carries this externalId (staff may have changed it since it was created). */
    private boolean carries(TicketKind kind, long ticket, String externalId) {
        return !em.createNativeQuery("select 1 from " + kind.table + " where id = ?1 and external_id = ?2")
                .setParameter(1, ticket).setParameter(2, externalId).getResultList().isEmpty();
    }

    private static ApiException taken(TicketKind kind) {
        return ApiException.badInput("is already the externalId of another " + kind.nodeType, "input", FIELD);
    }
}
