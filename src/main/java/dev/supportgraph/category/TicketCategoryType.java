package dev.supportgraph.category;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketCategory")
@Description("A ticket category (TMF621 ticketType), e.g. a billing question or a network outage. Reference data: deactivated, never deleted.")
public record TicketCategoryType(
        @Ignore long key,
        @NonNull @Description("Unique, unchangeable code, e.g. \"NETWORK_OUTAGE\".") String code,
        @NonNull @Description("Display name.") String name,
        @NonNull @Description("What belongs in it.") String description,
        @Description("Can be chosen for tickets; a deactivated category stays on the tickets that have it.") boolean active,
        @NonNull @Description("When it was created.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt,
        @Description("Optimistic-locking version; pass it as expectedVersion when changing it.") int version) implements Node {

    public static final String TYPE = "TicketCategory";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static TicketCategoryType of(TicketCategory c) {
        return new TicketCategoryType(c.id, c.code, c.name, c.description, c.active, c.createdAt, c.updatedAt, (int) c.version);
    }
}
