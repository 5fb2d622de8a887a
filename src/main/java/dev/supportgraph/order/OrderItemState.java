package dev.supportgraph.order;

import org.eclipse.microprofile.graphql.Description;

/** Lifecycle of an order item: the order's states without PARTIAL (TMF622 ProductOrderItemStateType). */
@Description("Lifecycle of an order item: the order's states without PARTIAL (TMF622 ProductOrderItemStateType).")
public enum OrderItemState {
    @Description("Received and accepted.")
    ACKNOWLEDGED,
    @Description("Refused, e.g. by the credit check.")
    REJECTED,
    @Description("Being fulfilled.")
    IN_PROGRESS,
    @Description("Waiting for the customer or a third party.")
    PENDING,
    @Description("Stopped until an issue is solved.")
    HELD,
    @Description("A cancellation was asked for and is being assessed.")
    ASSESSING_CANCELLATION,
    @Description("The cancellation was accepted and is being carried out.")
    PENDING_CANCELLATION,
    @Description("Cancelled.")
    CANCELLED,
    @Description("Fulfilled.")
    COMPLETED,
    @Description("Could not be fulfilled.")
    FAILED
}
