package dev.supportgraph.inventory;

import org.eclipse.microprofile.graphql.Description;

/** Whether a resource can carry traffic (TMF639 ResourceOperationalStateType). */
@Description("Whether a resource can carry traffic (TMF639 ResourceOperationalStateType).")
public enum OperationalState {
    @Description("In service, able to carry traffic.")
    ENABLE,
    @Description("Out of service.")
    DISABLE
}
