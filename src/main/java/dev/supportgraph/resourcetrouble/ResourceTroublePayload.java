package dev.supportgraph.resourcetrouble;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ResourceTroublePayload")
public record ResourceTroublePayload(ResourceTroubleType resourceTrouble, @NonNull List<@NonNull UserError> userErrors) {

    static ResourceTroublePayload ok(ResourceTroubleType trouble) {
        return new ResourceTroublePayload(trouble, List.of());
    }

    static ResourceTroublePayload failed(List<UserError> errors) {
        return new ResourceTroublePayload(null, errors);
    }
}
