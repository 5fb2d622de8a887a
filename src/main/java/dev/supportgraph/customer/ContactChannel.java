package dev.supportgraph.customer;

import org.eclipse.microprofile.graphql.Description;

/** How a contact prefers to be reached. */
@Description("How a contact prefers to be reached.")
public enum ContactChannel {
    @Description("By e-mail.")
    EMAIL,
    @Description("By phone call.")
    PHONE,
    @Description("By text message.")
    SMS,
    @Description("Through the self-service portal.")
    PORTAL
}
