package dev.supportgraph.category;

import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** The ticket category taxonomy: everyone reads it, admins and integration change it. */
@GraphQLApi
@Authenticated
public class TicketCategoryGraphQL {

    @Inject
    TicketCategoryService service;

    @Inject
    TicketCategoryLifecycle categories;

    @Query
    @Description("The ticket categories by code: the active ones, or all.")
    public @NonNull List<@NonNull TicketCategoryType> ticketCategories(
            @DefaultValue("false") @Description("Include deactivated categories.") boolean includeInactive) {
        return service.categories(includeInactive);
    }

    @Mutation
    @Description("Creates a ticket category (admin, integration).")
    public @NonNull TicketCategoryPayload ticketCategoryCreate(@NonNull TicketCategoryInputs.Create input) {
        return Mutations.run(() -> TicketCategoryPayload.ok(categories.create(input)), TicketCategoryPayload::failed);
    }

    @Mutation
    @Description("Renames or redescribes a ticket category (admin, integration); its code never changes.")
    public @NonNull TicketCategoryPayload ticketCategoryUpdate(@NonNull TicketCategoryInputs.Update input) {
        return Mutations.run(() -> TicketCategoryPayload.ok(categories.update(input)), TicketCategoryPayload::failed);
    }

    @Mutation
    @Description("Takes a ticket category out of use (admin, integration): tickets keep it, new ones cannot choose it.")
    public @NonNull TicketCategoryPayload ticketCategoryDeactivate(@NonNull TicketCategoryInputs.Deactivate input) {
        return Mutations.run(() -> TicketCategoryPayload.ok(categories.deactivate(input)), TicketCategoryPayload::failed);
    }
}
