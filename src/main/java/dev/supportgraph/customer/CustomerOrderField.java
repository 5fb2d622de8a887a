package dev.supportgraph.customer;

import dev.supportgraph.graph.SortKey;

import java.util.function.Function;

/** What the customers list can be ordered by. */
public enum CustomerOrderField {
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, c -> c.createdAt),
    NAME("e.name", SortKey.TEXT, c -> c.name),
    ACCOUNT_NUMBER("e.accountNumber", SortKey.TEXT, c -> c.accountNumber);

    final SortKey<Customer> key;

    CustomerOrderField(String path, Function<String, ?> parser, Function<Customer, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
