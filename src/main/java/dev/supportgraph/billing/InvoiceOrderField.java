package dev.supportgraph.billing;

import dev.supportgraph.graph.SortKey;

import java.util.function.Function;

/** What lists of invoices can be ordered by. */
public enum InvoiceOrderField {
    BILL_DATE("e.billDate", SortKey.DATE, i -> i.billDate),
    PAYMENT_DUE_DATE("e.paymentDueDate", SortKey.DATE, i -> i.paymentDueDate),
    CREATED_AT("e.createdAt", SortKey.TIMESTAMP, i -> i.createdAt),
    NUMBER("e.number", SortKey.TEXT, i -> i.number);

    final SortKey<Invoice> key;

    InvoiceOrderField(String path, Function<String, ?> parser, Function<Invoice, ?> getter) {
        this.key = new SortKey<>(name(), path, getter, parser);
    }
}
