package dev.supportgraph.problem;

import org.eclipse.microprofile.graphql.Description;

/** How a problem report reached us. */
@Description("How a problem report reached us.")
public enum ProblemChannel {
    @Description("Reported by the customer in the portal.")
    PORTAL,
    @Description("Reported by phone.")
    PHONE,
    @Description("Reported by e-mail.")
    EMAIL,
    @Description("Reported in a chat.")
    CHAT,
    @Description("Opened by an agent on the customer's behalf.")
    AGENT,
    @Description("Opened by us before the customer noticed (proactive care).")
    PROACTIVE
}
