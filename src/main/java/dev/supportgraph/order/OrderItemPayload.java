package dev.supportgraph.order;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("OrderItemPayload")
public record OrderItemPayload(
        OrderItemType orderItem,
        @Description("The item's order, whose state may have followed from its items.") ProductOrderType productOrder,
        @NonNull List<@NonNull UserError> userErrors) {

    static OrderItemPayload failed(List<UserError> errors) {
        return new OrderItemPayload(null, null, errors);
    }
}
