package dev.supportgraph.sla;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("SlaPolicyPayload")
@Description("The result of an SLA policy change.")
public record SlaPolicyPayload(
        @Description("The new version; null when userErrors is not empty.") SlaPolicyType slaPolicy,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    static SlaPolicyPayload ok(SlaPolicyType policy) {
        return new SlaPolicyPayload(policy, List.of());
    }

    static SlaPolicyPayload failed(List<UserError> errors) {
        return new SlaPolicyPayload(null, errors);
    }
}
