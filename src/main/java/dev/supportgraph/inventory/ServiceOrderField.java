package dev.supportgraph.inventory;

import dev.supportgraph.graph.SortKey;

import java.util.function.Function;

/** What lists of services can be ordered by. */
public enum ServiceOrderField {
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, s -> s.createdAt),
    NAME("e.name", SortKey.TEXT, s -> s.name);

    final SortKey<ServiceInstance> key;

    ServiceOrderField(String path, Function<String, ?> parser, Function<ServiceInstance, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
