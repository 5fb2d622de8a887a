package dev.supportgraph.resourcetrouble;

import org.eclipse.microprofile.graphql.Description;

/** The alarm view of a resource trouble (TMF642 perceivedSeverity). */
@Description("The alarm view of a resource trouble (TMF642 perceivedSeverity).")
public enum PerceivedSeverity {
    @Description("Service-affecting; immediate action required.")
    CRITICAL,
    @Description("Service-affecting; urgent action required.")
    MAJOR,
    @Description("Not service-affecting yet; action needed to prevent worse.")
    MINOR,
    @Description("A potential fault detected before it affects service.")
    WARNING,
    @Description("The severity cannot be determined.")
    INDETERMINATE,
    @Description("The alarm condition has cleared.")
    CLEARED
}
