package dev.supportgraph.order;

import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Order handling mutations (TMF622); thin: OrderLifecycle does the work. */
@GraphQLApi
@Authenticated
public class OrderMutations {

    @Inject
    OrderLifecycle orders;

    @Mutation
    @Description("Creates an order with its items. A customer below the credit policy gets it REJECTED (see stateReason).")
    public @NonNull ProductOrderPayload orderCreate(@NonNull OrderInputs.Create input) {
        return Mutations.run(() -> ok(orders.create(input)), ProductOrderPayload::failed);
    }

    @Mutation
    @Description("Moves an order to another state (start, pending, hold, resume, cancel); COMPLETED, FAILED and PARTIAL follow from the items.")
    public @NonNull ProductOrderPayload orderTransition(@NonNull OrderInputs.Transition input) {
        return Mutations.run(() -> ok(orders.transition(input)), ProductOrderPayload::failed);
    }

    @Mutation
    @Description("Requests the cancellation of an order in progress, pending or held (-> ASSESSING_CANCELLATION).")
    public @NonNull ProductOrderPayload orderCancel(@NonNull OrderInputs.Change input) {
        return Mutations.run(() -> ok(orders.cancel(input)), ProductOrderPayload::failed);
    }

    @Mutation
    @Description("Accepts a requested cancellation (-> PENDING_CANCELLATION; then orderTransition to CANCELLED).")
    public @NonNull ProductOrderPayload orderCancellationAccept(@NonNull OrderInputs.Change input) {
        return Mutations.run(() -> ok(orders.acceptCancellation(input)), ProductOrderPayload::failed);
    }

    @Mutation
    @Description("Declines a requested cancellation: the order returns to the state it was in.")
    public @NonNull ProductOrderPayload orderCancellationDecline(@NonNull OrderInputs.Change input) {
        return Mutations.run(() -> ok(orders.declineCancellation(input)), ProductOrderPayload::failed);
    }

    @Mutation
    @Description("Moves an order item to another state; completing or failing the last open item settles the order.")
    public @NonNull OrderItemPayload orderItemTransition(@NonNull OrderInputs.ItemTransition input) {
        return Mutations.run(() -> orders.itemTransition(input), OrderItemPayload::failed);
    }

    @Mutation
    @Description("Completes an order item.")
    public @NonNull OrderItemPayload orderItemComplete(@NonNull OrderInputs.Change input) {
        return orderItemTransition(new OrderInputs.ItemTransition(input.id(), input.expectedVersion(), OrderItemState.COMPLETED, input.reason()));
    }

    @Mutation
    @Description("Fails an order item.")
    public @NonNull OrderItemPayload orderItemFail(@NonNull OrderInputs.Change input) {
        return orderItemTransition(new OrderInputs.ItemTransition(input.id(), input.expectedVersion(), OrderItemState.FAILED, input.reason()));
    }

    private static ProductOrderPayload ok(ProductOrderType order) {
        return new ProductOrderPayload(order, java.util.List.of());
    }
}
