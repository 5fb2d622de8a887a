package dev.supportgraph.order;

import dev.supportgraph.graph.ComputedAs;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Name("OrderItem")
@Description("One line of a product order (TMF622 ProductOrderItem).")
public record OrderItemType(
        @Ignore long key,
        @Ignore long orderKey,
        @Ignore long customerKey,
        @Ignore Long serviceKey,
        @Description("Position within the order, from 1.") int itemNumber,
        @Description("The product offering ordered.") @NonNull String productName,
        @Description("What the item does to the customer's services.") @NonNull ItemAction action,
        int quantity,
        @Description("Price of one unit.") @NonNull Money unitPrice,
        @NonNull @Description("The quantity times unitPrice.") @ComputedAs("e.unitPrice * e.quantity") Money total,
        @NonNull OrderItemState state,
        int version) implements Node {

    public static final String TYPE = "OrderItem";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static OrderItemType of(OrderItem i) {
        return new OrderItemType(i.id, i.orderId, i.customerId, i.serviceId, i.itemNumber, i.productName, i.action,
                i.quantity, Money.of(i.unitPrice, i.currency),
                Money.of(i.unitPrice.multiply(BigDecimal.valueOf(i.quantity)), i.currency), i.state, (int) i.version);
    }
}
