package dev.supportgraph.inventory;

/** Whether a resource can carry traffic (TMF639 ResourceOperationalStateType). */
public enum OperationalState {
    ENABLE, DISABLE
}
