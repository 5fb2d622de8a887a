package dev.supportgraph.graph;

import jakarta.persistence.TypedQuery;
import org.hibernate.SharedSessionContract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Keyset (seek) pagination over an entity with one HQL statement per page: rows after/before the
 * cursor's {@code (sortKey, id)} tuple, one extra row to learn whether there is more. Unlike
 * OFFSET it costs the same on page 1 and page 10,000 and never skips or repeats rows.
 * {@link #pagesPerParent} does the same for a nested connection of many parents at once. The
 * session is the resolvers' stateless one (see {@link ScopedReads}), so rows come back detached.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param entity     the entity class, aliased {@code e}
     * @param where      the filter's conditions on {@code e}
     * @param descending the client's sort direction
     */
    public static <E> Page<E> page(SharedSessionContract session, Class<E> entity, Where where, SortKey<? super E> key,
                                   boolean descending, PageRequest request, ToLongFunction<? super E> idOf) {
        Seek<E> seek = new Seek<>(key, descending, request);
        TypedQuery<E> query = session.createQuery("select e from " + entity.getSimpleName() + " e" + seek.where(where)
                + " order by " + seek.orderBy(), entity);
        seek.bind(query, where);
        return seek.page(query.setMaxResults(request.size() + 1).getResultList(), idOf);
    }

    /**
     * One page per parent (e.g. the first 20 orders of each of 60 customers) in one statement:
     * {@code row_number()} over the rows of each parent, in the page's order, keeps the first
     * {@code size + 1} of each. The same cursor applies to every parent.
     *
     * @param parentPath HQL path of the parent's id on {@code e}, e.g. {@code e.customerId}
     * @param where      the filter's conditions; the parent condition is added to it
     * @return a page for every parent id, empty where a parent has no rows
     */
    public static <E> Map<Long, Page<E>> pagesPerParent(SharedSessionContract session, Class<E> entity, String parentPath,
                                                        Collection<Long> parentIds, Where where, SortKey<? super E> key,
                                                        boolean descending, PageRequest request,
                                                        ToLongFunction<? super E> idOf, ToLongFunction<? super E> parentOf) {
        Seek<E> seek = new Seek<>(key, descending, request);
        Map<Long, List<E>> byParent = new LinkedHashMap<>();
        parentIds.forEach(id -> byParent.put(id, new ArrayList<>()));
        if (!parentIds.isEmpty()) {
            where.keyIn(parentPath, parentIds);
            String name = entity.getSimpleName();
            TypedQuery<E> query = session.createQuery("select o from " + name + " o join (select e.id id, row_number() over"
                    + " (partition by " + parentPath + " order by " + seek.orderBy() + ") rn from " + name + " e"
                    + seek.where(where) + ") r on r.id = o.id where r.rn <= :size order by r.rn", entity);
            seek.bind(query, where);
            query.setParameter("size", (long) request.size() + 1);
            query.getResultList().forEach(row -> byParent.get(parentOf.applyAsLong(row)).add(row));
        }
        Map<Long, Page<E>> pages = new LinkedHashMap<>();
        byParent.forEach((parent, rows) -> pages.put(parent, seek.page(rows, idOf)));
        return pages;
    }

    /** {@code select count(e)} with the same conditions as the page. */
    public static long count(SharedSessionContract session, Class<?> entity, Where where) {
        TypedQuery<Long> query = session.createQuery("select count(e) from " + entity.getSimpleName() + " e"
                + (where.hql().isBlank() ? "" : " where " + where.hql()), Long.class);
        where.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The counts of {@link #pagesPerParent}'s rows, one grouped statement for all parents (absent = 0). */
    public static Map<Long, Long> countPerParent(SharedSessionContract session, Class<?> entity, String parentPath,
                                                 Collection<Long> parentIds, Where where) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        where.keyIn(parentPath, parentIds);
        TypedQuery<Object[]> query = session.createQuery("select " + parentPath + ", count(e) from " + entity.getSimpleName()
                + " e where " + where.hql() + " group by " + parentPath, Object[].class);
        where.params().forEach(query::setParameter);
        return query.getResultList().stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** The cursor condition and ordering of one keyset request, and how to turn its rows into a page. */
    private static final class Seek<E> {
        private final SortKey<? super E> key;
        private final PageRequest request;
        private final Cursor cursor;
        private final boolean ascending;

        Seek(SortKey<? super E> key, boolean descending, PageRequest request) {
            this.key = key;
            this.request = request;
            this.cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), key.name());
            // Walking backward is walking the reversed order forward, then flipping the rows back.
            this.ascending = descending == request.backward();
        }

        /** The filter's conditions and the cursor's, as a where clause (or nothing). */
        String where(Where where) {
            List<String> conditions = new ArrayList<>();
            if (!where.hql().isBlank()) {
                conditions.add(where.hql());
            }
            if (cursor != null) {
                conditions.add("(" + key.path() + ", e.id) " + (ascending ? ">" : "<") + " (:cursorValue, :cursorId)");
            }
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        String orderBy() {
            String direction = ascending ? " asc" : " desc";
            return key.path() + direction + ", e.id" + direction;
        }

        void bind(TypedQuery<?> query, Where where) {
            where.params().forEach(query::setParameter);
            if (cursor != null) {
                query.setParameter("cursorValue", key.parse(cursor.value()));
                query.setParameter("cursorId", cursor.id());
            }
        }

        Page<E> page(List<E> fetched, ToLongFunction<? super E> idOf) {
            return Page.fromFetched(fetched, request, cursor != null,
                    row -> new Cursor(key.name(), key.valueOf(row), idOf.applyAsLong(row)).encode());
        }
    }
}
