package dev.supportgraph.order;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("ProductOrder")
@Description("A customer's order for products (TMF622 ProductOrder).")
public record ProductOrderType(
        @Ignore long key,
        @Ignore long customerKey,
        @NonNull String number,
        String description,
        @NonNull OrderState state,
        @Description("0 (highest) to 4 (lowest).") int priority,
        @NonNull OffsetDateTime orderDate,
        OffsetDateTime requestedStartDate,
        OffsetDateTime requestedCompletionDate,
        OffsetDateTime expectedCompletionDate,
        OffsetDateTime completionDate,
        @Description("Why the order is in its current state, e.g. the rejection reason.") String stateReason,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Description("Optimistic-locking version; pass it as expectedVersion when updating.") int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId)
        implements Node {

    public static final String TYPE = "ProductOrder";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static ProductOrderType of(ProductOrder o) {
        return new ProductOrderType(o.id, o.customerId, o.number, o.description, o.state, o.priority, o.orderDate,
                o.requestedStartDate, o.requestedCompletionDate, o.expectedCompletionDate, o.completionDate,
                o.stateReason, o.createdAt, o.updatedAt, (int) o.version, o.externalId);
    }
}
