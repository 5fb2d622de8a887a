package dev.supportgraph.alarm;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an alarm is in its life (TMF642 state).")
public enum AlarmState {
    @Description("Raised (or raised again after it had cleared).")
    RAISED,
    @Description("Raised, then updated or repeated by its source.")
    UPDATED,
    @Description("The condition has cleared.")
    CLEARED
}
