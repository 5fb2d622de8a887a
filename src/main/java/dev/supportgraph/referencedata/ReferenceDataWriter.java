package dev.supportgraph.referencedata;

import dev.supportgraph.events.Outbox;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.persistence.ExternallyKeyed;
import dev.supportgraph.referencedata.ReferenceInputs.CustomerRef;
import io.vertx.core.json.JsonArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Writes reference data keyed by external ids, in the caller's transaction: a batch of upserts
 * of one type (a mutation is a batch of one), deactivations and service-resource links. Each change
 * writes its outbox event in the same transaction; an unchanged object writes nothing.
 *
 * <h2>Concurrency</h2>
 * Before it reads, a batch takes a transaction-scoped advisory lock per external id (in sorted
 * order, so two batches never wait on each other crosswise). A concurrent upsert of the same id
 * waits until the first commits, then finds its row and updates it: one row per external id, and
 * the partial unique index on external_id guards whatever does not take the locks. An import batch
 * ({@link #upsertBatch}) takes no advisory locks: its insert's conflict clause waits for the row
 * another transaction inserts or updates, and its rows are sorted by external id.
 */
@ApplicationScoped
public class ReferenceDataWriter {

    /** One advisory lock per (type, external id), taken in sorted order; returns how many. */
    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1 || ':' || x, 0))
                                  from (select jsonb_array_elements_text(cast(?2 as jsonb)) x) ids order by x) locked""";

    /** The result of one input of a batch: the object's key and what was done, or why nothing was. */
    public record Result(Long key, UpsertOutcome outcome, ApiException error) {

        static Result failed(ApiException error) {
            return new Result(null, null, error);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * Upserts {@code inputs} (one type) by external id, in order; returns one result per input.
     * Invalid inputs, unknown customers and version conflicts are per-input results, not failures
     * of the batch. A unique key another object holds (account number, resource name) fails the
     * whole batch with an ApiException naming the field: the transaction is lost then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends ExternallyKeyed, I extends ReferenceInputs.Upsert> List<Result> upsert(Kind<E, I> kind, List<I> inputs, String actor) {
        List<Result> results = new ArrayList<>(inputs.size());
        List<I> valid = new ArrayList<>(inputs.size());
        List<ApiException> invalid = new ArrayList<>(inputs.size());
        validate(kind, inputs, valid, invalid);
        Map<String, Long> customers = customers(kind, valid);
        Set<String> ids = new TreeSet<>();
        valid.stream().filter(v -> v != null).forEach(v -> ids.add(v.externalId()));
        lock(kind.type, ids);
        Map<String, E> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            // Native with the ids as one JSON parameter: a JPQL in-list of a batch's size would be translated anew per batch.
            @SuppressWarnings("unchecked")
            List<E> found = em.createNativeQuery("select t.* from " + kind.type.table + " t where t.external_id in "
                    + "(select jsonb_array_elements_text(cast(?1 as jsonb)))", kind.entity)
                    .setParameter(1, new JsonArray(List.copyOf(ids)).encode()).getResultList();
            found.forEach(e -> stored.put(e.externalId, e));
        }
        List<Step<E>> steps = new ArrayList<>(inputs.size());
        List<E> created = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                steps.add(invalid.get(i) != null ? new Step<>(null, null, invalid.get(i))
                        : step(kind, valid.get(i), customers, stored, created));
            }
            insert(kind, created);
            em.flush();
        } catch (PersistenceException e) {
            throw conflict(kind, e);
        }
        // Published in input order once every object has its id.
        for (Step<E> step : steps) {
            if (step.error() != null) {
                results.add(Result.failed(step.error()));
                continue;
            }
            if (step.outcome() != UpsertOutcome.UNCHANGED) {
                publish(kind, step.entity(), step.outcome() == UpsertOutcome.CREATED ? ReferenceChange.CREATED : ReferenceChange.UPDATED, actor);
            }
            results.add(new Result(step.entity().id, step.outcome(), null));
        }
        return results;
    }

    /**
     * Upserts an import batch of one type like {@link #upsert}, with one statement: an insert of the
     * rows as bound arrays whose conflict on external_id updates only a row that differs, so an
     * unchanged row is neither written nor returned, and a returned row tells created from updated
     * (xmax = 0). No read of the stored objects and no advisory locks: the conflict clause
     * serializes concurrent writers of one external id. A batch with what the statement cannot
     * decide (expectedVersion, a customer by global id, an external id twice) goes through
     * {@link #upsert}. A unique key another object holds fails the whole batch, as there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends ExternallyKeyed, I extends ReferenceInputs.Upsert> List<Result> upsertBatch(Kind<E, I> kind, List<I> inputs, String actor) {
        List<I> valid = new ArrayList<>(inputs.size());
        List<ApiException> invalid = new ArrayList<>(inputs.size());
        validate(kind, inputs, valid, invalid);
        Set<String> seen = new HashSet<>();
        for (I v : valid) {
            if (v != null && (v.expectedVersion() != null || !seen.add(v.externalId())
                    || kind.customerRef(v) != null && kind.customerRef(v).customerId() != null)) {
                return upsert(kind, inputs, actor);
            }
        }
        Map<String, Long> customers = customers(kind, valid);
        List<Result> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        List<Kind.Column<I>> columns = kind.sqlColumns();
        List<String[]> values = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (invalid.get(i) != null) {
                results.set(i, Result.failed(invalid.get(i)));
                continue;
            }
            I v = valid.get(i);
            try {
                Long customerKey = customerKey(kind.customerRef(v), customers);
                String[] row = new String[columns.size() + 1];
                row[0] = v.externalId();
                for (int c = 0; c < columns.size(); c++) {
                    row[c + 1] = columns.get(c).value().apply(v, customerKey);
                }
                values.add(row);
                written.add(i);
            } catch (ApiException e) {
                results.set(i, Result.failed(e));
            }
        }
        Map<String, Object[]> changed = write(kind, columns, values);
        for (int i : written) {
            String externalId = valid.get(i).externalId();
            Object[] row = changed.get(externalId);
            if (row == null) {
                results.set(i, new Result(null, UpsertOutcome.UNCHANGED, null));
                continue;
            }
            long key = (Long) row[0];
            boolean created = (Boolean) row[1];
            outbox.publish(kind.type.event, kind.type.name(), key, (Long) row[2],
                    payload(created ? ReferenceChange.CREATED : ReferenceChange.UPDATED, externalId, actor));
            results.set(i, new Result(key, created ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED, null));
        }
        return results;
    }

    /**
     * Runs the batch's upsert (see {@link #upsertBatch}); the rows it wrote by external id: id,
     * created, the customer of the events. The input's rows: external id, then a value per column.
     */
    private <I extends ReferenceInputs.Upsert> Map<String, Object[]> write(Kind<?, I> kind, List<Kind.Column<I>> columns, List<String[]> values) {
        Map<String, Object[]> changed = new HashMap<>();
        if (values.isEmpty()) {
            return changed;
        }
        String table = kind.type.table;
        StringJoiner names = new StringJoiner(", ", "external_id, ", "");
        StringJoiner arrays = new StringJoiner(", ", "cast(? as text[]), ", "");
        StringJoiner selected = new StringJoiner(", ", "x.external_id, ", "");
        StringJoiner updates = new StringJoiner(", ");
        StringJoiner stored = new StringJoiner(", ");
        StringJoiner excluded = new StringJoiner(", ");
        for (Kind.Column<I> column : columns) {
            String given = "cast(x." + column.name() + " as " + column.type() + ")";
            names.add(column.name());
            arrays.add("cast(? as text[])");
            // A kept column of a new row takes its default; of a stored row, its stored value.
            selected.add(!column.keep() ? given : "coalesce(" + given + ", s." + column.name()
                    + (column.fallback() == null ? "" : ", " + column.fallback()) + ")");
            updates.add(column.name() + " = excluded." + column.name());
            stored.add("t." + column.name());
            excluded.add("excluded." + column.name());
        }
        String sql = "insert into " + table + " as t (" + names + ") select " + selected
                + " from unnest(" + arrays + ") as x(" + names + ") left join " + table + " s on s.external_id = x.external_id"
                // Sorted: two batches that share external ids lock their rows in the same order, never crosswise.
                + " order by x.external_id"
                + " on conflict (external_id) where external_id is not null do update set " + updates
                + ", updated_at = now(), version = t.version + 1 where (" + stored + ") is distinct from (" + excluded + ")"
                + " returning t.id, t.external_id, t.xmax = 0, " + kind.eventCustomerColumn();
        try {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int c = 0; c <= columns.size(); c++) {
                        String[] column = new String[values.size()];
                        for (int r = 0; r < values.size(); r++) {
                            column[r] = values.get(r)[c];
                        }
                        statement.setArray(c + 1, connection.createArrayOf("text", column));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long customer = rows.getLong(4);
                            changed.put(rows.getString(2), new Object[]{rows.getLong(1), rows.getBoolean(3), rows.wasNull() ? null : customer});
                        }
                    }
                }
            });
        } catch (PersistenceException e) {
            throw conflict(kind, e);
        }
        return changed;
    }

    private static <I extends ReferenceInputs.Upsert> void validate(Kind<?, I> kind, List<I> inputs, List<I> valid, List<ApiException> invalid) {
        for (I input : inputs) {
            try {
                valid.add(kind.validated(input));
                invalid.add(null);
            } catch (ApiException e) {
                valid.add(null);
                invalid.add(e);
            }
        }
    }

    /** What became of one input: its object and outcome, or why not. */
    private record Step<E>(E entity, UpsertOutcome outcome, ApiException error) {
    }

    /**
     * Applies one input to its stored object, or makes a new one (added to {@code created}, written
     * with the others of the batch by {@link #insert}).
     */
    private <E extends ExternallyKeyed, I extends ReferenceInputs.Upsert> Step<E> step(
            Kind<E, I> kind, I valid, Map<String, Long> customers, Map<String, E> stored, List<E> created) {
        try {
            Long customerKey = customerKey(kind.customerRef(valid), customers);
            String externalId = valid.externalId();
            Integer expectedVersion = valid.expectedVersion();
            E entity = stored.get(externalId);
            if (entity == null) {
                if (expectedVersion != null) {
                    Mutations.checkVersion(-1, expectedVersion);
                }
                entity = kind.create(externalId, valid, customerKey);
                stored.put(externalId, entity);
                created.add(entity);
                return new Step<>(entity, UpsertOutcome.CREATED, null);
            }
            if (expectedVersion != null) {
                Mutations.checkVersion(entity.version, expectedVersion);
            }
            boolean changed = kind.apply(entity, valid, customerKey, new Kind.Changes());
            return new Step<>(entity, changed ? UpsertOutcome.UPDATED : UpsertOutcome.UNCHANGED, null);
        } catch (ApiException e) {
            return new Step<>(null, null, e);
        }
    }

    /**
     * Inserts the batch's new objects with one statement (not one per object: identity ids would
     * make Hibernate insert them one by one) and sets their ids. The columns left out (times,
     * version) take their defaults.
     */
    private <E extends ExternallyKeyed> void insert(Kind<E, ?> kind, List<E> created) {
        if (created.isEmpty()) {
            return;
        }
        JsonArray rows = new JsonArray();
        created.forEach(entity -> rows.add(kind.columns(entity)));
        String columns = String.join(", ", kind.columns(created.getFirst()).fieldNames());
        List<?> inserted = em.createNativeQuery("insert into " + kind.type.table + " (" + columns + ") select " + columns
                        + " from jsonb_populate_recordset(null::" + kind.type.table + ", cast(?1 as jsonb)) returning external_id, id")
                .setParameter(1, rows.encode()).getResultList();
        Map<String, E> byExternalId = new HashMap<>();
        created.forEach(entity -> byExternalId.put(entity.externalId, entity));
        inserted.forEach(row -> byExternalId.get((String) ((Object[]) row)[0]).id = ((Number) ((Object[]) row)[1]).longValue());
    }

    /**
     * Deactivates one customer or contact (by id or externalId); UNCHANGED when it already was.
     * Its refusals (NOT_FOUND, STALE_OBJECT) come before any write and leave the transaction usable:
     * an import reports the row and commits the rest of its batch.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ApiException.class)
    public <E extends ExternallyKeyed> Result deactivate(Kind<E, ?> kind, ReferenceInputs.Deactivate input, String actor) {
        long key = key(kind.type, input.id(), input.externalId(), "id", "externalId");
        E entity = em.find(kind.entity, key, LockModeType.PESSIMISTIC_WRITE);
        if (input.expectedVersion() != null) {
            Mutations.checkVersion(entity.version, input.expectedVersion());
        }
        if (!kind.deactivate(entity)) {
            return new Result(key, UpsertOutcome.UNCHANGED, null);
        }
        publish(kind, entity, ReferenceChange.DEACTIVATED, actor);
        return new Result(key, UpsertOutcome.UPDATED, null);
    }

    /**
     * Links a service to a resource it runs on, or unlinks it; UNCHANGED when it already was so.
     * The result's key is the service's; the resource's is {@link #resourceOf}. Its refusals come
     * before any write and leave the transaction usable, as for {@link #deactivate}.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ApiException.class)
    public Result link(ReferenceInputs.Link input, boolean linked, String actor) {
        long service = key(ExternalType.SERVICE, input.serviceId(), input.serviceExternalId(), "serviceId", "serviceExternalId");
        long resource = resourceOf(input);
        int count = em.createNativeQuery(linked
                        ? "insert into service_resource (service_id, resource_id) values (?1, ?2) on conflict do nothing"
                        : "delete from service_resource where service_id = ?1 and resource_id = ?2")
                .setParameter(1, service).setParameter(2, resource).executeUpdate();
        if (count == 0) {
            return new Result(service, UpsertOutcome.UNCHANGED, null);
        }
        Object[] row = (Object[]) em.createNativeQuery("select customer_id, external_id from service where id = ?1")
                .setParameter(1, service).getSingleResult();
        Map<String, Object> payload = payload(linked ? ReferenceChange.RESOURCE_LINKED : ReferenceChange.RESOURCE_UNLINKED,
                (String) row[1], actor);
        payload.put("resourceId", resource);
        outbox.publish(ExternalType.SERVICE.event, ExternalType.SERVICE.name(), service, ((Number) row[0]).longValue(), payload);
        return new Result(service, UpsertOutcome.UPDATED, null);
    }

    /** This transaction's commit does not wait for the disk (see ImportConfig#synchronousCommit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void asynchronousCommit() {
        em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
    }

    /** The resource a link input names. */
    long resourceOf(ReferenceInputs.Link input) {
        return key(ExternalType.RESOURCE, input.resourceId(), input.resourceExternalId(), "resourceId", "resourceExternalId");
    }

    /** The database ids of the objects of {@code type} with these external ids (absent: none). */
    public Map<String, Long> keysByExternalId(ExternalType type, Collection<String> externalIds) {
        Map<String, Long> keys = new HashMap<>();
        if (externalIds.isEmpty()) {
            return keys;
        }
        List<?> rows = em.createNativeQuery("select external_id, id from " + type.table
                        + " where external_id in (select jsonb_array_elements_text(cast(?1 as jsonb)))")
                .setParameter(1, new JsonArray(List.copyOf(externalIds)).encode()).getResultList();
        rows.forEach(row -> keys.put((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue()));
        return keys;
    }

    private <E extends ExternallyKeyed> void publish(Kind<E, ?> kind, E entity, ReferenceChange change, String actor) {
        outbox.publish(kind.type.event, kind.type.name(), entity.id, kind.customerOf(entity), payload(change, entity.externalId, actor));
    }

    private static Map<String, Object> payload(ReferenceChange change, String externalId, String actor) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("change", change.name());
        payload.put("externalId", externalId);
        payload.put("actor", actor);
        payload.put("at", OffsetDateTime.now().toString());
        return payload;
    }

    /** The customers the batch's inputs name by external id, resolved in one statement. */
    private <I extends ReferenceInputs.Upsert> Map<String, Long> customers(Kind<?, I> kind, List<I> valid) {
        Set<String> named = new LinkedHashSet<>();
        valid.stream().filter(v -> v != null && kind.customerRef(v) != null)
                .map(v -> kind.customerRef(v).customerExternalId()).filter(id -> id != null).forEach(named::add);
        return keysByExternalId(ExternalType.CUSTOMER, named);
    }

    /** The customer key a reference names, NOT_FOUND when there is no such customer; null without reference. */
    private Long customerKey(CustomerRef ref, Map<String, Long> customers) {
        if (ref == null) {
            return null;
        }
        if ((ref.customerId() == null) == (ref.customerExternalId() == null)) {
            throw ApiException.badInput("give either customerId or customerExternalId", "input", "customerExternalId");
        }
        if (ref.customerExternalId() != null) {
            Long key = customers.get(ref.customerExternalId());
            if (key == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "customerExternalId"),
                        "No customer has externalId " + ref.customerExternalId());
            }
            return key;
        }
        return key(ExternalType.CUSTOMER, ref.customerId(), null, "customerId", "customerExternalId");
    }

    /** The object named by a global id or an external id (exactly one of them given; NOT_FOUND otherwise). */
    public long key(ExternalType type, String globalId, String externalId, String idField, String externalIdField) {
        if ((globalId == null) == (externalId == null)) {
            throw ApiException.badInput("give either " + idField + " or " + externalIdField, "input", idField);
        }
        if (externalId != null) {
            Long key = keysByExternalId(type, List.of(externalId)).get(externalId);
            if (key == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", externalIdField),
                        "No " + type.nodeType + " has externalId " + externalId);
            }
            return key;
        }
        long key = Inputs.id(type.nodeType, globalId, "input", idField);
        List<?> found = em.createNativeQuery("select id from " + type.table + " where id = ?1").setParameter(1, key).getResultList();
        if (found.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", idField), type.nodeType + " not found: " + globalId);
        }
        return key;
    }

    private void lock(ExternalType type, Set<String> externalIds) {
        if (!externalIds.isEmpty()) {
            em.createNativeQuery(LOCK).setParameter(1, type.name()).setParameter(2, new JsonArray(List.copyOf(externalIds)).encode())
                    .getSingleResult();
        }
    }

    /** A unique key of another object (account number, resource name) as the input field's error; anything else as is. */
    private static RuntimeException conflict(Kind<?, ?> kind, PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String field = kind.uniqueFields.get(violation.getConstraintName());
                if (field != null) {
                    return ApiException.badInput("is already used by another " + kind.type.nodeType, "input", field);
                }
            }
        }
        return e;
    }
}
