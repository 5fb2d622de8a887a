package dev.supportgraph.alarm;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a person has taken note of an alarm (TMF642 ackState).")
public enum AckState {
    @Description("Someone has taken note of it.")
    ACKNOWLEDGED,
    @Description("Nobody has taken note of it yet.")
    UNACKNOWLEDGED
}
