package dev.supportgraph.category;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("TicketCategoryPayload")
@Description("The result of a ticket category mutation.")
public record TicketCategoryPayload(
        @Description("The category as changed; null when userErrors is not empty.") TicketCategoryType ticketCategory,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    static TicketCategoryPayload ok(TicketCategoryType category) {
        return new TicketCategoryPayload(category, List.of());
    }

    static TicketCategoryPayload failed(List<UserError> errors) {
        return new TicketCategoryPayload(null, errors);
    }
}
