package dev.supportgraph.order;

import org.eclipse.microprofile.graphql.Description;

/** What an order item does to the customer's service (TMF622 ItemActionType). */
@Description("What an order item does to the customer's service (TMF622 ItemActionType).")
public enum ItemAction {
    @Description("Adds a new product or service.")
    ADD,
    @Description("Changes an existing product or service.")
    MODIFY,
    @Description("Removes an existing product or service.")
    DELETE,
    @Description("Leaves the product or service as it is (kept for context).")
    NO_CHANGE
}
