package dev.supportgraph.order;

/** Lifecycle of a product order (TMF622 ProductOrderStateType). */
public enum OrderState {
    ACKNOWLEDGED, REJECTED, IN_PROGRESS, PENDING, HELD, ASSESSING_CANCELLATION, PENDING_CANCELLATION,
    CANCELLED, COMPLETED, FAILED, PARTIAL
}
