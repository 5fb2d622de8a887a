package dev.supportgraph.graph;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/** Every object with an identity: fetchable again with {@code node(id:)}. */
@Interface(Node.TYPE)
@Description("An object with a global id, fetchable with node(id:).")
public interface Node {

    String TYPE = "Node";

    @NonNull
    @Id
    @Description("Opaque global id.")
    String getId();

    /** The database id behind the global id (not part of the schema). */
    @Ignore
    long key();
}
