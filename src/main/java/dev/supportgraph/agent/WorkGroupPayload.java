package dev.supportgraph.agent;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("WorkGroupPayload")
@Description("The result of a work group mutation.")
public record WorkGroupPayload(
        @Description("The group as changed; null when userErrors is not empty.") WorkGroupType workGroup,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    static WorkGroupPayload ok(WorkGroupType group) {
        return new WorkGroupPayload(group, List.of());
    }

    static WorkGroupPayload failed(List<UserError> errors) {
        return new WorkGroupPayload(null, errors);
    }
}
