package dev.supportgraph.customer;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Customer")
@Description("A customer account (TMF629 Customer).")
public record CustomerType(
        @Ignore long key,
        @Description("The customer's account number, unique and stable.") @NonNull String accountNumber,
        @NonNull String name,
        @NonNull CustomerStatus status,
        @Description("Market segment; decides the SLA policy.") @NonNull CustomerSegment segment,
        @Description("0 (worst) to 1000 (best); orders below the policy threshold are rejected.") int creditRating,
        @NonNull @Description("BCP 47 language tag, e.g. en or de.") String preferredLanguage,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Description("Optimistic-locking version; pass it as expectedVersion when updating.") int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId)
        implements Node {

    public static final String TYPE = "Customer";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static CustomerType of(Customer c) {
        return new CustomerType(c.id, c.accountNumber, c.name, c.status, c.segment, c.creditRating,
                c.preferredLanguage, c.createdAt, c.updatedAt, (int) c.version, c.externalId);
    }
}
