package dev.supportgraph.order;

import dev.supportgraph.graph.SortKey;

import java.util.function.Function;

/** What lists of product orders can be ordered by. */
public enum OrderOrderField {
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, o -> o.createdAt),
    UPDATED_AT("e.updatedAt", SortKey.TIMESTAMP, o -> o.updatedAt),
    ORDER_DATE("e.orderDate", SortKey.TIMESTAMP, o -> o.orderDate),
    PRIORITY("e.priority", SortKey.INTEGER, o -> o.priority),
    NUMBER("e.number", SortKey.TEXT, o -> o.number);

    final SortKey<ProductOrder> key;

    OrderOrderField(String path, Function<String, ?> parser, Function<ProductOrder, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
