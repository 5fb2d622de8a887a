package dev.supportgraph.order;

import dev.supportgraph.customer.Customer;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.lifecycle.Transitions;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.supportgraph.order.OrderLifecycles.ITEM_SUBJECT;
import static dev.supportgraph.order.OrderLifecycles.ORDER_SUBJECT;

/**
 * Order handling (TMF622): creation with the credit check, state changes through the transition
 * tables, item-by-item completion with the order's final state derived from its items, and the
 * cancellation flow. Agents and admins; a portal user creates orders for their own customer and
 * requests the cancellation of their own orders. Another customer's order is simply not found.
 */
@ApplicationScoped
@Transactional
public class OrderLifecycle {

    /** States that only follow from the items. */
    private static final Set<OrderState> DERIVED = EnumSet.of(OrderState.COMPLETED, OrderState.FAILED, OrderState.PARTIAL);
    private static final Set<OrderItemState> ITEM_DONE = EnumSet.of(OrderItemState.COMPLETED, OrderItemState.FAILED,
            OrderItemState.CANCELLED, OrderItemState.REJECTED);

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Transitions transitions;

    @Inject
    Idempotency idempotency;

    @Inject
    OrderPolicy policy;

    public ProductOrderType create(OrderInputs.Create input) {
        caller.require(Role.CUSTOMER, Role.AGENT, Role.ADMIN);
        long id = idempotency.once("orderCreate", input.idempotencyKey(), input, () -> insert(input),
                created -> caller.canSeeCustomer(em.find(ProductOrder.class, created).customerId));
        return ProductOrderType.of(em.find(ProductOrder.class, id));
    }

    public ProductOrderType transition(OrderInputs.Transition input) {
        if (DERIVED.contains(input.to())) {
            throw ApiException.of(ErrorCode.INVALID_TRANSITION, List.of("input", "to"),
                    input.to() + " follows from the items: complete or fail them instead");
        }
        ProductOrder order = load(input.id(), input.expectedVersion(), Role.AGENT, Role.ADMIN);
        move(order, input.to(), input.reason());
        return flushed(order);
    }

    /** Requests cancellation: the order waits in ASSESSING_CANCELLATION for accept or decline. */
    public ProductOrderType cancel(OrderInputs.Change input) {
        ProductOrder order = load(input.id(), input.expectedVersion(), Role.CUSTOMER, Role.AGENT, Role.ADMIN);
        move(order, OrderState.ASSESSING_CANCELLATION, input.reason());
        return flushed(order);
    }

    public ProductOrderType acceptCancellation(OrderInputs.Change input) {
        ProductOrder order = load(input.id(), input.expectedVersion(), Role.AGENT, Role.ADMIN);
        move(order, OrderState.PENDING_CANCELLATION, input.reason());
        return flushed(order);
    }

    /** Declines a cancellation: back to the state the order was in when it was requested. */
    public ProductOrderType declineCancellation(OrderInputs.Change input) {
        ProductOrder order = load(input.id(), input.expectedVersion(), Role.AGENT, Role.ADMIN);
        if (order.state != OrderState.ASSESSING_CANCELLATION) {
            throw ApiException.of(ErrorCode.INVALID_TRANSITION, List.of("input", "id"),
                    "Only an order in ASSESSING_CANCELLATION can have its cancellation declined, not " + order.state);
        }
        move(order, transitions.previous(ORDER_SUBJECT, order.id, order.state), input.reason());
        return flushed(order);
    }

    public OrderItemPayload itemTransition(OrderInputs.ItemTransition input) {
        OrderItem item = em.find(OrderItem.class, Inputs.id(OrderItemType.TYPE, input.id(), "input", "id"));
        if (item == null || !caller.canSeeCustomer(item.customerId)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Order item not found: " + input.id());
        }
        caller.require(Role.AGENT, Role.ADMIN);
        Mutations.checkVersion(item.version, input.expectedVersion());
        item.state = transitions.move(ITEM_SUBJECT, item.id, null, item.customerId, item.state, input.to(), input.reason());
        em.flush();
        // Locking the order serializes concurrent item completions: the last one sees all others.
        ProductOrder order = em.find(ProductOrder.class, item.orderId, LockModeType.PESSIMISTIC_WRITE);
        if (input.to() == OrderItemState.COMPLETED || input.to() == OrderItemState.FAILED) {
            deriveFinalState(order);
        }
        em.flush();
        return new OrderItemPayload(OrderItemType.of(item), ProductOrderType.of(order), List.of());
    }

    private long insert(OrderInputs.Create input) {
        long customerId = Inputs.id(Customer.class.getSimpleName(), input.customerId(), "input", "customerId");
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null || !caller.canSeeCustomer(customerId)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "customerId"), "Customer not found: " + input.customerId());
        }
        int priority = input.priority() == null ? 4 : input.priority();
        if (priority < 0 || priority > 4) {
            throw ApiException.badInput("must be between 0 and 4", "input", "priority");
        }
        if (input.items().isEmpty()) {
            throw ApiException.badInput("an order needs at least one item", "input", "items");
        }
        boolean creditOk = customer.creditRating >= policy.minCreditRating();
        ProductOrder order = new ProductOrder();
        order.customerId = customerId;
        order.description = input.description();
        order.priority = priority;
        order.orderDate = OffsetDateTime.now();
        order.requestedStartDate = input.requestedStartDate();
        order.requestedCompletionDate = input.requestedCompletionDate();
        order.stateReason = creditOk ? null : "Credit check failed: credit rating " + customer.creditRating
                + " is below the required " + policy.minCreditRating();
        order.state = creditOk ? OrderState.ACKNOWLEDGED : OrderState.REJECTED;
        em.persist(order);
        for (int n = 0; n < input.items().size(); n++) {
            em.persist(item(order, n, input.items().get(n), creditOk ? OrderItemState.ACKNOWLEDGED : OrderItemState.REJECTED));
        }
        transitions.created(ORDER_SUBJECT, order.id, order.number, customerId, order.state, order.stateReason);
        return order.id;
    }

    private static OrderItem item(ProductOrder order, int index, OrderInputs.Item input, OrderItemState state) {
        String position = String.valueOf(index);
        if (input.quantity() <= 0) {
            throw ApiException.badInput("must be positive", "input", "items", position, "quantity");
        }
        OrderItem item = new OrderItem();
        item.orderId = order.id;
        item.customerId = order.customerId;
        item.itemNumber = index + 1;
        item.productName = Inputs.text(input.productName(), 200, "input", "items", position, "productName");
        item.action = input.action() == null ? ItemAction.ADD : input.action();
        item.quantity = input.quantity();
        item.unitPrice = Inputs.amount(input.unitPrice(), true, "input", "items", position, "unitPrice");
        item.currency = Inputs.currency(input.currency(), "input", "items", position, "currency");
        item.state = state;
        return item;
    }

    /** Scope before roles: another customer's order is NOT_FOUND whatever the roles (no existence leak). */
    private ProductOrder load(String id, int expectedVersion, String... roles) {
        ProductOrder order = em.find(ProductOrder.class, Inputs.id(ProductOrderType.TYPE, id, "input", "id"));
        if (order == null || !caller.canSeeCustomer(order.customerId)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Order not found: " + id);
        }
        caller.require(roles);
        Mutations.checkVersion(order.version, expectedVersion);
        return order;
    }

    private void move(ProductOrder order, OrderState to, String reason) {
        OrderState from = order.state;
        order.state = transitions.move(ORDER_SUBJECT, order.id, order.number, order.customerId, from, to, reason);
        if (reason != null) {
            order.stateReason = reason;
        }
        if (DERIVED.contains(to) || to == OrderState.CANCELLED) {
            order.completionDate = OffsetDateTime.now();
        }
        if (from == OrderState.ACKNOWLEDGED && to == OrderState.IN_PROGRESS) {
            // Starting the order starts its items (one history row each).
            em.createQuery("from OrderItem where orderId = ?1 and state = ?2 order by itemNumber", OrderItem.class)
                    .setParameter(1, order.id).setParameter(2, OrderItemState.ACKNOWLEDGED)
                    .getResultList()
                    .forEach(i -> i.state = transitions.move(ITEM_SUBJECT, i.id, null, i.customerId, i.state,
                            OrderItemState.IN_PROGRESS, "Order started"));
        }
    }

    /** Once no item is open, the order is COMPLETED, FAILED or PARTIAL according to its items. */
    private void deriveFinalState(ProductOrder order) {
        List<OrderItemState> states = em.createQuery("select state from OrderItem where orderId = ?1", OrderItemState.class)
                .setParameter(1, order.id).getResultList();
        if (!ITEM_DONE.containsAll(states)) {
            return;
        }
        long completed = states.stream().filter(s -> s == OrderItemState.COMPLETED).count();
        long failed = states.stream().filter(s -> s == OrderItemState.FAILED).count();
        if (completed + failed == 0) {
            return;
        }
        OrderState outcome = failed == 0 ? OrderState.COMPLETED : completed == 0 ? OrderState.FAILED : OrderState.PARTIAL;
        move(order, outcome, completed + " item(s) completed, " + failed + " failed");
    }

    private ProductOrderType flushed(ProductOrder order) {
        em.flush();
        return ProductOrderType.of(order);
    }
}
