package dev.supportgraph.order;

import dev.supportgraph.events.EventType;
import dev.supportgraph.lifecycle.LifecycleSubject;
import dev.supportgraph.lifecycle.StateMachine;

import static dev.supportgraph.order.OrderState.ACKNOWLEDGED;
import static dev.supportgraph.order.OrderState.ASSESSING_CANCELLATION;
import static dev.supportgraph.order.OrderState.CANCELLED;
import static dev.supportgraph.order.OrderState.COMPLETED;
import static dev.supportgraph.order.OrderState.FAILED;
import static dev.supportgraph.order.OrderState.HELD;
import static dev.supportgraph.order.OrderState.IN_PROGRESS;
import static dev.supportgraph.order.OrderState.PARTIAL;
import static dev.supportgraph.order.OrderState.PENDING;
import static dev.supportgraph.order.OrderState.PENDING_CANCELLATION;
import static dev.supportgraph.order.OrderState.REJECTED;

/**
 * TMF622 transition tables. COMPLETED, FAILED and PARTIAL are never requested directly: they
 * follow from the items (see OrderLifecycle). Declining a cancellation returns to the state the
 * order was in when the cancellation was requested.
 */
public final class OrderLifecycles {

    public static final StateMachine<OrderState> ORDER = StateMachine.of("ProductOrder", OrderState.class)
            .initial(ACKNOWLEDGED, REJECTED)
            .action("start", IN_PROGRESS, ACKNOWLEDGED)
            .action("markPending", PENDING, ACKNOWLEDGED, IN_PROGRESS)
            .action("resume", IN_PROGRESS, PENDING, HELD)
            .action("hold", HELD, IN_PROGRESS)
            .action("cancel", CANCELLED, PENDING, HELD)
            .action("requestCancellation", ASSESSING_CANCELLATION, IN_PROGRESS, PENDING, HELD)
            .back("declineCancellation", ASSESSING_CANCELLATION, IN_PROGRESS, PENDING, HELD)
            .action("acceptCancellation", PENDING_CANCELLATION, ASSESSING_CANCELLATION)
            .action("completeCancellation", CANCELLED, PENDING_CANCELLATION)
            .action("complete", COMPLETED, IN_PROGRESS)
            .action("fail", FAILED, IN_PROGRESS)
            .action("completePartially", PARTIAL, IN_PROGRESS)
            .build();

    public static final StateMachine<OrderItemState> ITEM = StateMachine.of("OrderItem", OrderItemState.class)
            .initial(OrderItemState.ACKNOWLEDGED, OrderItemState.REJECTED)
            .action("start", OrderItemState.IN_PROGRESS, OrderItemState.ACKNOWLEDGED)
            .action("markPending", OrderItemState.PENDING, OrderItemState.ACKNOWLEDGED, OrderItemState.IN_PROGRESS)
            .action("resume", OrderItemState.IN_PROGRESS, OrderItemState.PENDING, OrderItemState.HELD)
            .action("hold", OrderItemState.HELD, OrderItemState.IN_PROGRESS)
            .action("cancel", OrderItemState.CANCELLED, OrderItemState.PENDING, OrderItemState.HELD)
            .action("requestCancellation", OrderItemState.ASSESSING_CANCELLATION,
                    OrderItemState.IN_PROGRESS, OrderItemState.PENDING, OrderItemState.HELD)
            .back("declineCancellation", OrderItemState.ASSESSING_CANCELLATION,
                    OrderItemState.IN_PROGRESS, OrderItemState.PENDING, OrderItemState.HELD)
            .action("acceptCancellation", OrderItemState.PENDING_CANCELLATION, OrderItemState.ASSESSING_CANCELLATION)
            .action("completeCancellation", OrderItemState.CANCELLED, OrderItemState.PENDING_CANCELLATION)
            .action("complete", OrderItemState.COMPLETED, OrderItemState.IN_PROGRESS)
            .action("fail", OrderItemState.FAILED, OrderItemState.IN_PROGRESS)
            .build();

    /** Orders and their items with the lifecycle layer: status_change columns and event types. */
    public static final LifecycleSubject<OrderState> ORDER_SUBJECT =
            new LifecycleSubject<>("ORDER", "order_id", EventType.ORDER_STATE_CHANGED, ORDER);

    public static final LifecycleSubject<OrderItemState> ITEM_SUBJECT =
            new LifecycleSubject<>("ORDER_ITEM", "order_item_id", EventType.ORDER_ITEM_STATE_CHANGED, ITEM);

    private OrderLifecycles() {
    }
}
