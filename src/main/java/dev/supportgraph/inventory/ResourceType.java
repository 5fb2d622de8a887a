package dev.supportgraph.inventory;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Resource")
@Description("A network or IT resource services run on (TMF639 Resource). Staff only.")
public record ResourceType(
        @Ignore long key,
        @NonNull String name,
        @NonNull @Description("Resource category, e.g. OLT, ROUTER or PBX_CLUSTER.") String category,
        @Description("Where the resource is, e.g. a site or rack; null when unknown.") String location,
        @Description("Whether it can carry traffic.") @NonNull OperationalState operationalState,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId) implements Node {

    public static final String TYPE = "Resource";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static ResourceType of(Resource r) {
        return new ResourceType(r.id, r.name, r.category, r.location, r.operationalState, r.createdAt, r.updatedAt,
                (int) r.version, r.externalId);
    }
}
