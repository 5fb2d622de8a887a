package dev.supportgraph.resourcetrouble;

import dev.supportgraph.graph.Mutations;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketNotePayload;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** eTOM 5.8 Resource Trouble Management mutations; thin: ResourceTroubleLifecycle does the work. */
@GraphQLApi
@Authenticated
public class ResourceTroubleMutations {

    @Inject
    ResourceTroubleLifecycle troubles;

    @Mutation
    @Description("Reports a trouble on a resource.")
    public @NonNull ResourceTroublePayload resourceTroubleCreate(@NonNull ResourceTroubleInputs.Create input) {
        return Mutations.run(() -> ResourceTroublePayload.ok(troubles.create(input)), ResourceTroublePayload::failed);
    }

    @Mutation
    @Description("Changes the status (resolve = corrected and resolved, needs a resolution; close; reopen).")
    public @NonNull ResourceTroublePayload resourceTroubleTransition(@NonNull TicketInputs.Transition input) {
        return Mutations.run(() -> ResourceTroublePayload.ok(troubles.transition(input)), ResourceTroublePayload::failed);
    }

    @Mutation
    @Description("Records where in the resource the fault was localized.")
    public @NonNull ResourceTroublePayload resourceTroubleLocalize(@NonNull ResourceTroubleInputs.Localize input) {
        return Mutations.run(() -> ResourceTroublePayload.ok(troubles.localize(input)), ResourceTroublePayload::failed);
    }

    @Mutation
    @Description("Edits title, description, priority, severity and category (staff, expectedVersion); every change is recorded in fieldChanges.")
    public @NonNull ResourceTroublePayload resourceTroubleUpdate(@NonNull TicketInputs.Update input) {
        return Mutations.run(() -> ResourceTroublePayload.ok(troubles.update(input)), ResourceTroublePayload::failed);
    }

    @Mutation
    @Description("Adds a note.")
    public @NonNull TicketNotePayload resourceTroubleAddNote(@NonNull TicketInputs.Note input) {
        return Mutations.run(() -> TicketNotePayload.ok(troubles.addNote(input)), TicketNotePayload::failed);
    }
}
