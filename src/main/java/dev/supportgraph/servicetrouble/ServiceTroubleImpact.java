package dev.supportgraph.servicetrouble;

/** How widely a service trouble affects customers (TMF656 impact). */
public enum ServiceTroubleImpact {
    EXTENSIVE, SIGNIFICANT, MODERATE, MINOR
}
