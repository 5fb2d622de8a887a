package dev.supportgraph.sla;

/** The clock events, each fired at most once per problem report (unique constraint in sla_event). */
public enum SlaEventKind {
    RESPONSE_AT_RISK, RESPONSE_BREACHED, RESOLUTION_AT_RISK, RESOLUTION_BREACHED;

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
