package dev.supportgraph.customer;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a contact is still in use; inactive contacts stay on the tickets that name them.")
public enum ContactStatus {
    @Description("In use.") ACTIVE,
    @Description("Deactivated by its system of record or an administrator.") INACTIVE
}
