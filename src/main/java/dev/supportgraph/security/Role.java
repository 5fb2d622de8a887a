package dev.supportgraph.security;

/** The roles of the {@code groups} claim (see the permission matrix in docs/security.md). */
public final class Role {
    /** A portal user, bound to one customer by the {@code customer_id} claim. */
    public static final String CUSTOMER = "customer";
    /** Support agent: all customers, orders, problem reports, invoices, internal notes. */
    public static final String AGENT = "agent";
    /** Site reliability / network operations: service and resource troubles, inventory. */
    public static final String SRE = "sre";
    public static final String ADMIN = "admin";
    /**
     * A system of record (CRM, inventory, billing): writes reference data (customers, contacts,
     * services, resources and their links) and reads it back; no tickets, orders or invoices.
     */
    public static final String INTEGRATION = "integration";

    private Role() {
    }
}
