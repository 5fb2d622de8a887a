package dev.supportgraph.referencedata;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to a reference-data object.")
public enum ReferenceChange {
    @Description("It was created.") CREATED,
    @Description("Some of its fields changed.") UPDATED,
    @Description("It was deactivated (customers and contacts).") DEACTIVATED,
    @Description("A resource was linked to the service (see relatedId).") RESOURCE_LINKED,
    @Description("A resource was unlinked from the service (see relatedId).") RESOURCE_UNLINKED
}
