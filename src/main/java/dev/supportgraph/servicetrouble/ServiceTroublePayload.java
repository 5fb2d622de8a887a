package dev.supportgraph.servicetrouble;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ServiceTroublePayload")
public record ServiceTroublePayload(ServiceTroubleType serviceTrouble, @NonNull List<@NonNull UserError> userErrors) {

    static ServiceTroublePayload ok(ServiceTroubleType trouble) {
        return new ServiceTroublePayload(trouble, List.of());
    }

    static ServiceTroublePayload failed(List<UserError> errors) {
        return new ServiceTroublePayload(null, errors);
    }
}
