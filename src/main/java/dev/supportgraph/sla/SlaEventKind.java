package dev.supportgraph.sla;

import org.eclipse.microprofile.graphql.Description;

/** The clock events, each fired at most once per problem report (unique constraint in sla_event). */
@Description("An SLA clock event of a problem report.")
public enum SlaEventKind {
    @Description("The response target will be missed soon.")
    RESPONSE_AT_RISK,
    @Description("The response target was missed.")
    RESPONSE_BREACHED,
    @Description("The resolution target will be missed soon.")
    RESOLUTION_AT_RISK,
    @Description("The resolution target was missed.")
    RESOLUTION_BREACHED;

    boolean breach() {
        return this == RESPONSE_BREACHED || this == RESOLUTION_BREACHED;
    }

    boolean response() {
        return this == RESPONSE_AT_RISK || this == RESPONSE_BREACHED;
    }

    /** The target this event is about, as events name it. */
    String target() {
        return response() ? "RESPONSE" : "RESOLUTION";
    }
}
