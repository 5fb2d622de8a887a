package dev.supportgraph.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shapes the result of one batch statement into what a {@code @Source List<Parent>} resolver
 * returns: one entry per parent, in the parents' order.
 */
public final class Batches {

    private Batches() {
    }

    /** The distinct non-null keys of the parents, for the {@code in (...)} of the statement. */
    public static <P> List<Long> keys(Collection<P> parents, Function<P, Long> key) {
        return parents.stream().map(key).filter(Objects::nonNull).distinct().toList();
    }

    /** Each parent's children (empty when none). */
    public static <P, T> List<List<T>> many(List<P> parents, Function<P, Long> key, Map<Long, List<T>> children) {
        return parents.stream().map(p -> children.getOrDefault(key.apply(p), List.of())).toList();
    }

    /** Each parent's referenced object, null when the reference is empty or not visible. */
    public static <P, T> List<T> one(List<P> parents, Function<P, Long> key, Map<Long, T> byKey) {
        return parents.stream().map(p -> {
            Long k = key.apply(p);
            return k == null ? null : byKey.get(k);
        }).toList();
    }

    /**
     * Groups {@code [parentKey, row]} pairs of a join through a link table by parent key,
     * keeping the statement's order within each group.
     */
    public static <E, T> Map<Long, List<T>> pairs(List<Object[]> rows, Class<E> rowType, Function<E, T> mapper) {
        return rows.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).longValue(),
                Collectors.mapping(r -> mapper.apply(rowType.cast(r[1])), Collectors.toList())));
    }
}
