package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Idempotent creates through the idempotency_key table. The key row is claimed first with
 * {@code insert ... on conflict do nothing} in the create's own transaction: a concurrent retry
 * blocks on the primary key until the first transaction ends, then either finds its result
 * (committed) or claims the key itself (rolled back). Keys are scoped to the caller's whole
 * identity (issuer, subject, name, roles and customer scope), so two tokens that merely share a
 * name never share a key, and a replay shows its result only if the caller may still see it.
 */
@ApplicationScoped
public class Idempotency {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final List<String> KEY_FIELD = List.of("input", "idempotencyKey");

    /** The replay check of types only staff create and read: the role check before the create decides. */
    public static final LongPredicate STAFF_ONLY = id -> true;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    /**
     * Returns the id {@code create} made for this key and input the first time, creating it now
     * if the key is new (or null: then there is no idempotency). A replayed id is returned only
     * if {@code visible} accepts it. The create is flushed, so what the caller maps from the
     * entity is what is stored (the version included). Must run in the create's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long once(String operation, String key, Object input, LongSupplier create, LongPredicate visible) {
        if (key == null) {
            return created(create);
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiException.badInput("An idempotency key has 1 to 200 characters", "input", "idempotencyKey");
        }
        return claimed(operation, scope() + ":" + key, hash(input), create, visible,
                reused -> ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, KEY_FIELD, reused
                        ? "This idempotency key was already used with a different input" : "This idempotency key was already used"));
    }

    /**
     * As {@link #once}, keyed by the id an object has in another system, one per operation across all
     * callers (that id names one object whoever sends it): the same input again returns the first
     * result; another input, or a result the caller may not see, is {@code duplicate}'s error.
     * {@code fingerprint} is what counts as the same input.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long onceByExternalId(String operation, String externalId, Object fingerprint, LongSupplier create, LongPredicate visible,
                                 Supplier<ApiException> duplicate) {
        return claimed(operation, "external:" + externalId, hash(fingerprint), create, visible, reused -> duplicate.get());
    }

    /** Claims {@code scopedKey} and creates, or returns the first result; {@code refused} (true: another input) otherwise. */
    private long claimed(String operation, String scopedKey, String hash, LongSupplier create, LongPredicate visible,
                         Function<Boolean, ApiException> refused) {
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (operation, key, request_hash, result_id)
                        values (?1, ?2, ?3, 0) on conflict do nothing""")
                .setParameter(1, operation).setParameter(2, scopedKey).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 1) {
            long id = created(create);
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
            throw refused.apply(true);
        }
        long id = ((Number) first[1]).longValue();
        if (!visible.test(id)) {
            throw refused.apply(false);
        }
        return id;
    }

    private long created(LongSupplier create) {
        long id = create.getAsLong();
        em.flush();
        return id;
    }

    /**
     * The caller's identity as a hash: issuer and subject of the token (the name alone is not
     * unique across issuers or tokens), the name, and the read scope (roles and customer). Each
     * part is length-prefixed so that no two identities spell the same text.
     */
    private String scope() {
        StringBuilder parts = new StringBuilder();
        String issuer = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getIssuer() : null;
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        for (String part : new String[] {issuer, subject, caller.name(), caller.readScope()}) {
            String text = String.valueOf(part);
            parts.append(text.length()).append(':').append(text);
        }
        return sha256(parts.toString());
    }

    /** SHA-256 of the input as JSON (JSON-B writes properties in a fixed, sorted order). */
    static String hash(Object input) {
        return sha256(JSON.toJson(input));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
