package dev.supportgraph.customer;

/** Market segment; SLA policies and impact aggregates are per segment. */
public enum CustomerSegment {
    CONSUMER, SMALL_BUSINESS, ENTERPRISE, WHOLESALE
}
