package dev.supportgraph.customer;

import org.eclipse.microprofile.graphql.Description;

/** Market segment; SLA policies and impact aggregates are per segment. */
@Description("Market segment; SLA policies and impact aggregates are per segment.")
public enum CustomerSegment {
    @Description("Private households.")
    CONSUMER,
    @Description("Small and medium businesses.")
    SMALL_BUSINESS,
    @Description("Large businesses with negotiated SLAs.")
    ENTERPRISE,
    @Description("Other operators buying wholesale services.")
    WHOLESALE
}
