package dev.supportgraph.referencedata;

import org.eclipse.microprofile.graphql.Description;

@Description("What an upsert or status change did.")
public enum UpsertOutcome {
    @Description("The object was created (version 0).") CREATED,
    @Description("The object was changed (its version moved, an event was written).") UPDATED,
    @Description("The object already was as given: nothing written, no event.") UNCHANGED
}
