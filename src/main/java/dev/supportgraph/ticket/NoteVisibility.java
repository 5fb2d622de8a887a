package dev.supportgraph.ticket;

/** Who may read a note: INTERNAL notes are never shown to portal customers. */
public enum NoteVisibility {
    PUBLIC, INTERNAL
}
