package dev.supportgraph.order;

/** Lifecycle of an order item: the order's states without PARTIAL (TMF622 ProductOrderItemStateType). */
public enum OrderItemState {
    ACKNOWLEDGED, REJECTED, IN_PROGRESS, PENDING, HELD, ASSESSING_CANCELLATION, PENDING_CANCELLATION,
    CANCELLED, COMPLETED, FAILED
}
