package dev.supportgraph.graph;

/** A list's {@code orderBy} input: the column to sort by and the direction. */
public interface Ordering<E> {

    SortKey<E> sortKey();

    OrderDirection direction();

    default boolean descending() {
        return direction() == OrderDirection.DESC;
    }
}
