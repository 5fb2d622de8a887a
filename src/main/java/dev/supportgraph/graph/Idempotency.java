package dev.supportgraph.graph;

import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Idempotent creates through the idempotency_key table. The key row is claimed first with
 * {@code insert ... on conflict do nothing} in the create's own transaction: a concurrent retry
 * blocks on the primary key until the first transaction ends, then either finds its result
 * (committed) or claims the key itself (rolled back). Keys are scoped to the calling principal.
 */
@ApplicationScoped
public class Idempotency {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final List<String> KEY_FIELD = List.of("input", "idempotencyKey");

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /**
     * Returns the id {@code create} made for this key and input the first time, creating it now
     * if the key is new (or null: then there is no idempotency). Must run in the create's
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long once(String operation, String key, Object input, LongSupplier create) {
        if (key == null) {
            return create.getAsLong();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiException.badInput("An idempotency key has 1 to 200 characters", "input", "idempotencyKey");
        }
        // Length-prefixed so that no principal name and key can spell another pair.
        String scopedKey = caller.name().length() + ":" + caller.name() + ":" + key;
        String hash = hash(input);
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (operation, key, request_hash, result_id)
                        values (?1, ?2, ?3, 0) on conflict do nothing""")
                .setParameter(1, operation).setParameter(2, scopedKey).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 1) {
            long id = create.getAsLong();
            em.createNativeQuery("update idempotency_key set result_id = ?3 where operation = ?1 and key = ?2")
                    .setParameter(1, operation).setParameter(2, scopedKey).setParameter(3, id)
                    .executeUpdate();
            return id;
        }
        Object[] first = (Object[]) em.createNativeQuery(
                        "select request_hash, result_id from idempotency_key where operation = ?1 and key = ?2")
                .setParameter(1, operation).setParameter(2, scopedKey)
                .getSingleResult();
        if (!hash.equals(first[0])) {
            throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, KEY_FIELD,
                    "This idempotency key was already used with a different input");
        }
        return ((Number) first[1]).longValue();
    }

    /** SHA-256 of the input as JSON (JSON-B writes properties in a fixed, sorted order). */
    static String hash(Object input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.toJson(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
