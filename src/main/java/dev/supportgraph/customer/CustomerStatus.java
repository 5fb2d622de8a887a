package dev.supportgraph.customer;

/** Lifecycle of a customer account (TMF629 status). */
public enum CustomerStatus {
    PROSPECTIVE, ACTIVE, SUSPENDED, INACTIVE
}
