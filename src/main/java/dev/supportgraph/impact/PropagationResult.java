package dev.supportgraph.impact;

import dev.supportgraph.error.UserError;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ResourceTroublePropagatePayload")
@Description("What this propagation did; a retry finds everything in place and reports zeros.")
public record PropagationResult(
        ResourceTroubleType resourceTrouble,
        @Description("Service troubles opened for affected services that had none open.") int serviceTroublesOpened,
        @Description("Open service troubles of affected services that were linked instead.") int serviceTroublesLinked,
        @Description("PROACTIVE problem reports opened for affected customers.") int problemReportsOpened,
        @NonNull List<@NonNull UserError> userErrors) {

    static PropagationResult failed(List<UserError> errors) {
        return new PropagationResult(null, 0, 0, 0, errors);
    }
}
