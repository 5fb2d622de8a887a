package dev.supportgraph.servicetrouble;

import dev.supportgraph.graph.Mutations;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketNotePayload;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** eTOM 4.6 Service Problem Management mutations; thin: ServiceTroubleLifecycle does the work. */
@GraphQLApi
@Authenticated
public class ServiceTroubleMutations {

    @Inject
    ServiceTroubleLifecycle troubles;

    @Mutation
    @Description("Opens a service trouble, directly or from problem reports, with the affected services.")
    public @NonNull ServiceTroublePayload serviceTroubleCreate(@NonNull ServiceTroubleInputs.Create input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.create(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Changes the status along TMF656 (resolve needs a resolution; CLOSED -> IN_PROGRESS reopens).")
    public @NonNull ServiceTroublePayload serviceTroubleTransition(@NonNull TicketInputs.Transition input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.transition(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Records the diagnosed root cause.")
    public @NonNull ServiceTroublePayload serviceTroubleDiagnose(@NonNull ServiceTroubleInputs.Diagnose input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.diagnose(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Groups the trouble under a parent trouble (or removes it from one).")
    public @NonNull ServiceTroublePayload serviceTroubleGroup(@NonNull ServiceTroubleInputs.Group input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.group(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Links the underlying resource troubles.")
    public @NonNull ServiceTroublePayload serviceTroubleLinkResourceTroubles(@NonNull ServiceTroubleInputs.Link input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.linkResourceTroubles(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Edits title, description, priority, severity and category (staff, expectedVersion); every change is recorded in fieldChanges.")
    public @NonNull ServiceTroublePayload serviceTroubleUpdate(@NonNull TicketInputs.Update input) {
        return Mutations.run(() -> ServiceTroublePayload.ok(troubles.update(input)), ServiceTroublePayload::failed);
    }

    @Mutation
    @Description("Adds a note.")
    public @NonNull TicketNotePayload serviceTroubleAddNote(@NonNull TicketInputs.Note input) {
        return Mutations.run(() -> TicketNotePayload.ok(troubles.addNote(input)), TicketNotePayload::failed);
    }
}
