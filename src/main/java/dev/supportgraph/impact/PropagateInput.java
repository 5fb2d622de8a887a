package dev.supportgraph.impact;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResourceTroublePropagateInput")
public record PropagateInput(@NonNull @Id String id) {
}
