package dev.supportgraph.inventory;

import org.eclipse.microprofile.graphql.Description;

/** Lifecycle of a service instance (TMF638 ServiceStateType). */
@Description("Lifecycle of a service instance (TMF638 ServiceStateType).")
public enum ServiceState {
    @Description("Checked as feasible, nothing built yet.")
    FEASIBILITY_CHECKED,
    @Description("Designed, resources not reserved.")
    DESIGNED,
    @Description("Resources reserved.")
    RESERVED,
    @Description("Installed but not active.")
    INACTIVE,
    @Description("In use by the customer.")
    ACTIVE,
    @Description("Ended; kept for history.")
    TERMINATED
}
