package dev.supportgraph.problem;

import dev.supportgraph.graph.Mutations;
import dev.supportgraph.ticket.TicketInputs;
import dev.supportgraph.ticket.TicketNotePayload;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** eTOM 3.7 Problem Handling mutations; thin: ProblemReportLifecycle does the work. */
@GraphQLApi
@Authenticated
public class ProblemReportMutations {

    @Inject
    ProblemReportLifecycle reports;

    @Mutation
    @Description("Reports a problem (created ACKNOWLEDGED): a portal user for their own customer, or an agent for any.")
    public @NonNull ProblemReportPayload problemReportCreate(@NonNull ProblemReportInputs.Create input) {
        return Mutations.run(() -> ProblemReportPayload.ok(reports.create(input)), ProblemReportPayload::failed);
    }

    @Mutation
    @Description("Changes the status along TMF621; resolving needs a resolution. Portal users may only accept (CLOSED) or reject (IN_PROGRESS) a resolution, or cancel.")
    public @NonNull ProblemReportPayload problemReportTransition(@NonNull TicketInputs.Transition input) {
        return Mutations.run(() -> ProblemReportPayload.ok(reports.transition(input)), ProblemReportPayload::failed);
    }

    @Mutation
    @Description("Edits title, description, urgency (portal users, own reports) and priority, severity (staff); every changed field is recorded in fieldChanges.")
    public @NonNull ProblemReportPayload problemReportUpdate(@NonNull ProblemReportInputs.Update input) {
        return Mutations.run(() -> ProblemReportPayload.ok(reports.update(input)), ProblemReportPayload::failed);
    }

    @Mutation
    @Description("Links the report to the service troubles its cause was isolated to.")
    public @NonNull ProblemReportPayload problemReportIsolate(@NonNull ProblemReportInputs.Isolate input) {
        return Mutations.run(() -> ProblemReportPayload.ok(reports.isolate(input)), ProblemReportPayload::failed);
    }

    @Mutation
    @Description("Adds a note; portal users may only add PUBLIC notes.")
    public @NonNull TicketNotePayload problemReportAddNote(@NonNull TicketInputs.Note input) {
        return Mutations.run(() -> TicketNotePayload.ok(reports.addNote(input)), TicketNotePayload::failed);
    }
}
