package dev.supportgraph.inventory;

import dev.supportgraph.graph.SortKey;

import java.util.function.Function;

/** What lists of resources can be ordered by. */
public enum ResourceOrderField {
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, r -> r.createdAt),
    NAME("e.name", SortKey.TEXT, r -> r.name);

    final SortKey<Resource> key;

    ResourceOrderField(String path, Function<String, ?> parser, Function<Resource, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
