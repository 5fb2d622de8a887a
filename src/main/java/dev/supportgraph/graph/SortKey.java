package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A column a list can be ordered by: its HQL path on alias {@code e}, how to read it from a row
 * into a cursor, and how to turn a cursor's text back into a query parameter. Ties are broken by
 * id, so every ordering is total and keyset pagination is exact.
 *
 * @param name   tags cursors so they cannot be used with another ordering
 * @param path   HQL expression on alias {@code e}, e.g. {@code e.createdAt}
 * @param getter the row's value of this key
 * @param parser cursor text back to a parameter of the column's type
 */
public record SortKey<E>(String name, String path, Function<E, ?> getter, Function<String, ?> parser) {

    public static final Function<String, ?> TIMESTAMP = OffsetDateTime::parse;
    public static final Function<String, ?> DATE = LocalDate::parse;
    public static final Function<String, ?> TEXT = Function.identity();
    public static final Function<String, ?> INTEGER = Integer::valueOf;

    public String valueOf(E row) {
        return String.valueOf(getter.apply(row));
    }

    public Object parse(String value) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ApiException.of(ErrorCode.INVALID_CURSOR, "Not a cursor of this list and ordering");
        }
    }
}
