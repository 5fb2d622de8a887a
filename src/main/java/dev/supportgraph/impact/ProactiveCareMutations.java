package dev.supportgraph.impact;

import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Proactive care mutations; resolving a propagated trouble goes through resourceTroubleTransition. */
@GraphQLApi
@Authenticated
public class ProactiveCareMutations {

    @Inject
    ProactiveCare care;

    @Mutation
    @Description("Carries a resource trouble to what it affects: a service trouble per affected service (an open one is linked instead) "
            + "and a PROACTIVE problem report with a public notice in their language per affected customer. Safe to retry: "
            + "what exists is not created again, services affected since the last run are added. Resolving the resource "
            + "trouble later resolves what this opened and tells the customers.")
    public @NonNull PropagationResult resourceTroublePropagate(@NonNull PropagateInput input) {
        return Mutations.run(() -> care.propagate(input), PropagationResult::failed);
    }
}
