package dev.supportgraph.order;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

/** Inputs of the order mutations. */
public final class OrderInputs {

    private OrderInputs() {
    }

    @Input("OrderCreateInput")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @Description("Global id of the ordering customer.") @NonNull @Id String customerId,
            String description,
            @Description("0 (highest) to 4 (lowest); default 4.") Integer priority,
            OffsetDateTime requestedStartDate,
            OffsetDateTime requestedCompletionDate,
            @Description("What is ordered; at least one item.") @NonNull List<@NonNull Item> items) {
    }

    @Input("OrderItemInput")
    public record Item(
            @Description("The product offering ordered.") @NonNull String productName,
            @Description("What the item does to the customer's services.") @DefaultValue("ADD") ItemAction action,
            int quantity,
            @NonNull @Description("Decimal amount, e.g. \"19.90\".") String unitPrice,
            @Description("ISO 4217 currency of the price, e.g. EUR.") @NonNull String currency) {
    }

    @Input("OrderTransitionInput")
    public record Transition(@NonNull @Id String id, int expectedVersion, @NonNull OrderState to, String reason) {
    }

    @Input("OrderChangeInput")
    public record Change(@NonNull @Id String id, int expectedVersion, String reason) {
    }

    @Input("OrderItemTransitionInput")
    public record ItemTransition(@NonNull @Id String id, int expectedVersion, @NonNull OrderItemState to, String reason) {
    }
}
