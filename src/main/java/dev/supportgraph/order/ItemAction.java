package dev.supportgraph.order;

/** What an order item does to the customer's service (TMF622 ItemActionType). */
public enum ItemAction {
    ADD, MODIFY, DELETE, NO_CHANGE
}
