package dev.supportgraph.order;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.time.OffsetDateTime;
import java.util.List;

@Input("OrderFilter")
@Description("Narrows a list of product orders; all given conditions must hold.")
public record OrderFilter(
        List<OrderState> state,
        @Id @Description("Only this customer's orders (a Customer id).") String customerId,
        @Description("Any of these priorities (0 highest to 4 lowest).") List<Integer> priority,
        @Description("Created at or after this time.") OffsetDateTime createdFrom,
        @Description("Created before this time.") OffsetDateTime createdTo,
        @Description("Updated at or after this time.") OffsetDateTime updatedFrom,
        @Description("Updated before this time.") OffsetDateTime updatedTo,
        @Description("Case-insensitive substring of the number or description.") String search) {
}
