package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs shared by the three ticket types' mutations. */
public final class TicketInputs {

    private TicketInputs() {
    }

    @Input("TicketTransitionInput")
    @Description("A status change: start, reject, requestInformation (PENDING), provideInformation, hold, unhold, resolve, accept/reject the resolution (CLOSED / IN_PROGRESS), cancel, reopen.")
    public record Transition(
            @NonNull @Id String id,
            int expectedVersion,
            @NonNull TicketStatus to,
            String reason,
            @Description("Required when resolving.") String resolution) {
    }

    @Input("TicketNoteInput")
    public record Note(@NonNull @Id String id, @Description("Who may read the note.") @NonNull NoteVisibility visibility, @Description("The text.") @NonNull String body) {
    }
}
