package dev.supportgraph.servicetrouble;

import org.eclipse.microprofile.graphql.Description;

/** How widely a service trouble affects customers (TMF656 impact). */
@Description("How widely a service trouble affects customers (TMF656 impact).")
public enum ServiceTroubleImpact {
    @Description("Widespread: many customers or a whole region.")
    EXTENSIVE,
    @Description("Many customers affected.")
    SIGNIFICANT,
    @Description("Some customers affected.")
    MODERATE,
    @Description("Few customers affected, or degraded only.")
    MINOR
}
