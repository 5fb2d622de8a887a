package dev.supportgraph.ticket;

import dev.supportgraph.security.Caller;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Service and resource troubles span customers and are internal to operations: portal
 * customers get nothing (empty lists, null references, empty connections) and no statement runs.
 */
public final class StaffOnly {

    private StaffOnly() {
    }

    /** {@code read} for staff, {@code none} for portal customers. */
    public static <T> T read(Caller caller, Supplier<T> none, Supplier<T> read) {
        return caller.customerScope().isPresent() ? none.get() : read.get();
    }

    /** A batch read for staff; an empty map for portal customers or when there are no keys. */
    public static <K, V> Map<K, V> batch(Caller caller, Collection<Long> keys, Supplier<Map<K, V>> read) {
        return keys.isEmpty() ? Map.of() : read(caller, Map::of, read);
    }
}
