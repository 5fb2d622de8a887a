package dev.supportgraph.graph;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset (seek) pagination over an entity with one HQL statement per page: rows after/before the
 * cursor's {@code (sortKey, id)} tuple, one extra row to learn whether there is more. Unlike
 * OFFSET it costs the same on page 1 and page 10,000 and never skips or repeats rows.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param entity     the entity class, aliased {@code e}
     * @param where      the filter's conditions on {@code e}
     * @param descending the client's sort direction
     */
    public static <E> Page<E> page(EntityManager em, Class<E> entity, Where where, SortKey<? super E> key,
                                   boolean descending, PageRequest request, ToLongFunction<? super E> idOf) {
        List<String> conditions = new ArrayList<>();
        if (!where.hql().isBlank()) {
            conditions.add(where.hql());
        }
        // Walking backward is walking the reversed order forward, then flipping the rows back.
        boolean ascending = descending == request.backward();
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), key.name());
        if (cursor != null) {
            conditions.add("(" + key.path() + ", e.id) " + (ascending ? ">" : "<") + " (:cursorValue, :cursorId)");
        }
        String direction = ascending ? " asc" : " desc";
        String hql = "select e from " + entity.getSimpleName() + " e"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + key.path() + direction + ", e.id" + direction;
        TypedQuery<E> query = em.createQuery(hql, entity);
        where.params().forEach(query::setParameter);
        if (cursor != null) {
            query.setParameter("cursorValue", key.parse(cursor.value()));
            query.setParameter("cursorId", cursor.id());
        }
        List<E> rows = new ArrayList<>(query.setMaxResults(request.size() + 1).getResultList());
        boolean more = rows.size() > request.size();
        if (more) {
            rows.removeLast();
        }
        if (request.backward()) {
            Collections.reverse(rows);
        }
        List<String> cursors = cursors(rows, key, idOf);
        PageInfo info = new PageInfo(
                request.backward() ? cursor != null : more,
                request.backward() ? more : cursor != null,
                cursors.isEmpty() ? null : cursors.getFirst(),
                cursors.isEmpty() ? null : cursors.getLast());
        return new Page<>(rows, cursors, info);
    }

    /**
     * The first page of a nested connection from rows fetched in key order with one extra row
     * (e.g. per parent by a lateral join); its cursors continue in the top-level list.
     */
    public static <E> Page<E> firstPage(List<E> rowsPlusOne, int size, SortKey<? super E> key, ToLongFunction<? super E> idOf) {
        List<E> rows = rowsPlusOne.size() > size ? rowsPlusOne.subList(0, size) : rowsPlusOne;
        List<String> cursors = cursors(rows, key, idOf);
        return new Page<>(rows, cursors, new PageInfo(rowsPlusOne.size() > size, false,
                cursors.isEmpty() ? null : cursors.getFirst(), cursors.isEmpty() ? null : cursors.getLast()));
    }

    private static <E> List<String> cursors(List<E> rows, SortKey<? super E> key, ToLongFunction<? super E> idOf) {
        return rows.stream()
                .map(row -> new Cursor(key.name(), key.valueOf(row), idOf.applyAsLong(row)).encode())
                .toList();
    }

    /** {@code select count(e)} with the same conditions as the page. */
    public static long count(EntityManager em, Class<?> entity, Where where) {
        TypedQuery<Long> query = em.createQuery("select count(e) from " + entity.getSimpleName() + " e"
                + (where.hql().isBlank() ? "" : " where " + where.hql()), Long.class);
        where.params().forEach(query::setParameter);
        return query.getSingleResult();
    }
}
