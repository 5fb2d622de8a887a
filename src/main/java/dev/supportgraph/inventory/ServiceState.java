package dev.supportgraph.inventory;

/** Lifecycle of a service instance (TMF638 ServiceStateType). */
public enum ServiceState {
    FEASIBILITY_CHECKED, DESIGNED, RESERVED, INACTIVE, ACTIVE, TERMINATED
}
