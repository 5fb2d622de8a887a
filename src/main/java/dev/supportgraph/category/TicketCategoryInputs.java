package dev.supportgraph.category;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the ticket category mutations. */
public final class TicketCategoryInputs {

    private TicketCategoryInputs() {
    }

    @Input("TicketCategoryCreateInput")
    @Description("A new ticket category.")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @NonNull @Description("Unique code: upper-case letters, digits and underscores, at most 50 characters.") String code,
            @NonNull @Description("Display name, at most 100 characters.") String name,
            @Description("What belongs in it.") String description) {
    }

    @Input("TicketCategoryUpdateInput")
    @Description("Changes of a ticket category; omitted fields keep their value.")
    public record Update(
            @NonNull @Id @Description("The category.") String id,
            @Description("The category's version as last read; the change fails with STALE_OBJECT if it moved.") int expectedVersion,
            @Description("New display name.") String name,
            @Description("New description.") String description) {
    }

    @Input("TicketCategoryDeactivateInput")
    @Description("A category to take out of use.")
    public record Deactivate(
            @NonNull @Id @Description("The category.") String id,
            @Description("The category's version as last read; the change fails with STALE_OBJECT if it moved.") int expectedVersion) {
    }
}
