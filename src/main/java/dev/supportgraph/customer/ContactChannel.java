package dev.supportgraph.customer;

/** How a contact prefers to be reached. */
public enum ContactChannel {
    EMAIL, PHONE, SMS, PORTAL
}
