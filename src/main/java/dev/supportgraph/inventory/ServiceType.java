package dev.supportgraph.inventory;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Service")
@Description("A service instance a customer runs (TMF638 Service), e.g. a fibre access line.")
public record ServiceType(
        @Ignore long key,
        @Ignore long customerKey,
        @NonNull String name,
        @NonNull @Description("Product category, e.g. FIBRE_ACCESS or SD_WAN.") String category,
        @NonNull ServiceState state,
        @Description("What the customer pays for it per month.") @NonNull Money monthlyCharge,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId) implements Node {

    public static final String TYPE = "Service";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static ServiceType of(ServiceInstance s) {
        return new ServiceType(s.id, s.customerId, s.name, s.category, s.state, Money.of(s.monthlyCharge, s.currency),
                s.createdAt, s.updatedAt, (int) s.version, s.externalId);
    }
}
