package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;

/** Who may read a note: INTERNAL notes are never shown to portal customers. */
@Description("Who may read a note: INTERNAL notes are never shown to portal customers.")
public enum NoteVisibility {
    @Description("Visible to the customer in the portal.")
    PUBLIC,
    @Description("Visible to staff only.")
    INTERNAL
}
