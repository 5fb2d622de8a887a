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

    private Role() {
    }
}
