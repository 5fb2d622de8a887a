package dev.supportgraph.resourcetrouble;

/** The alarm view of a resource trouble (TMF642 perceivedSeverity). */
public enum PerceivedSeverity {
    CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE, CLEARED
}
