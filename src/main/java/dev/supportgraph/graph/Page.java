package dev.supportgraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of rows in display order, with the cursors and page info Relay needs. */
public record Page<E>(List<E> rows, List<String> cursors, PageInfo pageInfo) {

    /** No rows, no neighbours: what a caller gets for a list they may not see. */
    public static <E> Page<E> empty() {
        return new Page<>(List.of(), List.of(), new PageInfo(false, false, null, null));
    }

    public <T> Page<T> map(Function<E, T> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), cursors, pageInfo);
    }

    /** {@link #map} for each page of a batch (e.g. one page per customer), keeping the keys' order. */
    public static <K, E, T> Map<K, Page<T>> mapEach(Map<K, Page<E>> pages, Function<E, T> mapper) {
        Map<K, Page<T>> mapped = new LinkedHashMap<>();
        pages.forEach((key, page) -> mapped.put(key, page.map(mapper)));
        return mapped;
    }

    /** Pairs each row with its cursor, e.g. {@code page.edges(CustomerEdge::new)}. */
    public <X> List<X> edges(EdgeFactory<E, X> factory) {
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> factory.edge(cursors.get(i), rows.get(i)))
                .toList();
    }

    @FunctionalInterface
    public interface EdgeFactory<E, X> {
        X edge(String cursor, E node);
    }
}
