package dev.supportgraph.agent;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the work group mutations. */
public final class WorkGroupInputs {

    private WorkGroupInputs() {
    }

    @Input("WorkGroupCreateInput")
    @Description("A new work group.")
    public record Create(
            @Description("Retrying with the same key and input returns the first result.") String idempotencyKey,
            @NonNull @Description("Unique name, at most 100 characters.") String name,
            @Description("What the group handles.") String description) {
    }

    @Input("WorkGroupMemberInput")
    @Description("An agent joining or leaving a work group.")
    public record Member(
            @NonNull @Id @Description("The work group.") String workGroupId,
            @NonNull @Id @Description("The agent (known once they have used the API).") String agentId,
            @Description("The group's version as last read; the change fails with STALE_OBJECT if it moved.") int expectedVersion) {
    }
}
