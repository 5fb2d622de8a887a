package dev.supportgraph.ticket;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("TicketNotePayload")
public record TicketNotePayload(NoteType note, @NonNull List<@NonNull UserError> userErrors) {

    public static TicketNotePayload ok(NoteType note) {
        return new TicketNotePayload(note, List.of());
    }

    public static TicketNotePayload failed(List<UserError> errors) {
        return new TicketNotePayload(null, errors);
    }
}
