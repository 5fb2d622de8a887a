package dev.supportgraph.agent;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("WorkGroup")
@Description("A work group (assignment group, queue) of agents that tickets are routed to.")
public record WorkGroupType(
        @Ignore long key,
        @NonNull @Description("Unique name, e.g. \"Service Desk L1\".") String name,
        @NonNull @Description("What the group handles.") String description,
        @NonNull @Description("When the group was created.") OffsetDateTime createdAt,
        @NonNull @Description("When the group was last changed.") OffsetDateTime updatedAt,
        @Description("Optimistic-locking version.") int version) implements Node {

    public static final String TYPE = "WorkGroup";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static WorkGroupType of(WorkGroup g) {
        return new WorkGroupType(g.id, g.name, g.description, g.createdAt, g.updatedAt, (int) g.version);
    }
}
