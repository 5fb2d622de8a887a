package dev.supportgraph.subscription;

import dev.supportgraph.order.OrderState;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("OrderEventFilter")
@Description("Which order events to receive; all given conditions must hold.")
public record OrderEventFilter(
        @Description("Only orders of this customer.") @Id String customerId,
        @Description("Only changes into one of these states.") List<OrderState> states) {
}
