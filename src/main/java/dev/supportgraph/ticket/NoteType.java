package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketNote")
@Description("A note on a ticket. INTERNAL notes are visible to staff only.")
public record NoteType(
        @Ignore long key,
        @Ignore TicketRef ticket,
        @Description("Who may read it.") @NonNull NoteVisibility visibility,
        @Description("Who wrote it (user id).") @NonNull String author,
        @Description("The text.") @NonNull String body,
        @NonNull OffsetDateTime createdAt) implements Node {

    public static final String TYPE = "TicketNote";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static NoteType of(TicketNote n) {
        return new NoteType(n.id, n.ticket(), n.visibility, n.author, n.body, n.createdAt);
    }
}
