package dev.supportgraph.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shape of every batch resolver ({@code @Source List<Parent>}): collect the parents' keys,
 * load all related objects with one call, hand each parent its own, in the parents' order.
 */
public final class Batch {

    private Batch() {
    }

    /** A to-one relation: each parent's object, null when its key is null or nothing visible was found. */
    public static <P, C> List<C> one(List<P> parents, Function<P, Long> keyOf,
                                     Function<Collection<Long>, Map<Long, C>> load) {
        Map<Long, C> found = load.apply(parents.stream().map(keyOf).filter(Objects::nonNull).distinct().toList());
        return parents.stream().map(p -> {
            Long key = keyOf.apply(p);
            return key == null ? null : found.get(key);
        }).toList();
    }

    /** A to-many relation: each parent's objects, empty when there are none. */
    public static <P, C> List<List<C>> many(List<P> parents, Function<P, Long> keyOf,
                                            Function<Collection<Long>, Map<Long, List<C>>> load) {
        Map<Long, List<C>> found = load.apply(parents.stream().map(keyOf).distinct().toList());
        return parents.stream().map(p -> found.getOrDefault(keyOf.apply(p), List.of())).toList();
    }

    /**
     * A paginated relation: each parent's page turned into a connection, with the parent's total
     * when {@code totals} is given (null when the client did not select totalCount).
     */
    public static <P, E, X> List<X> connections(List<P> parents, Function<P, Long> keyOf,
                                                Function<Collection<Long>, Map<Long, Page<E>>> pages,
                                                Function<Collection<Long>, Map<Long, Long>> totals,
                                                BiFunction<Page<E>, Integer, X> connection) {
        List<Long> keys = parents.stream().map(keyOf).distinct().toList();
        Map<Long, Page<E>> found = pages.apply(keys);
        Map<Long, Long> counted = totals == null ? null : totals.apply(keys);
        return parents.stream().map(keyOf).map(key -> connection.apply(found.get(key),
                counted == null ? null : counted.getOrDefault(key, 0L).intValue())).toList();
    }

    /** Nodes keyed by database id, the shape {@link #one} loads. */
    public static <N extends Node> Map<Long, N> byKey(Collection<N> nodes) {
        return nodes.stream().collect(Collectors.toMap(Node::key, Function.identity()));
    }
}
