package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** Refetching any object by its global id (Relay Object Identification). */
@GraphQLApi
@Authenticated
public class NodeGraphQL {

    /** Most ids one nodes(ids:) takes. */
    public static final int MAX_IDS = 100;

    @Inject
    Nodes nodes;

    @Query
    @Description("The object with this id, or null when it does not exist or is not visible to the caller.")
    public Node node(@NonNull @Id @Description("A global id, as the id field of any object gives it.") String id) {
        return nodes(List.of(id)).getFirst();
    }

    @Query
    @Description("The objects with these ids, in the same order; null where one does not exist or is not visible. At most 100 ids.")
    // Declared [ID!]! by IdListArguments (SmallRye cannot convert a list argument marked @Id).
    public @NonNull List<Node> nodes(@NonNull @Description("Global ids, as node(id:) takes them.") List<@NonNull String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.badInput("nodes takes at most 100 ids, got " + ids.size());
        }
        return nodes.load(ids.stream().map(GlobalId::decode).toList());
    }
}
