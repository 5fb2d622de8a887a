package dev.supportgraph.customer;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Contact")
@Description("A person or role at a customer who reports problems and receives notifications.")
public record ContactType(
        @Ignore long key,
        @Ignore long customerKey,
        @Description("Full name.") @NonNull String name,
        @NonNull @Description("Role at the customer, e.g. IT manager or billing contact.") String role,
        @Description("E-mail address, if known.") String email,
        @Description("Phone number, if known.") String phone,
        @Description("How the contact prefers to be reached.") @NonNull ContactChannel preferredChannel,
        @Description("Preferred language, as an IETF language tag (e.g. en, de-CH).") @NonNull String language,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId,
        @NonNull @Description("ACTIVE, or INACTIVE once deactivated (contacts are never deleted while tickets name them).") ContactStatus status) implements Node {

    public static final String TYPE = "Contact";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static ContactType of(Contact c) {
        return new ContactType(c.id, c.customerId, c.name, c.role, c.email, c.phone, c.preferredChannel,
                c.language, c.createdAt, c.updatedAt, (int) c.version, c.externalId, c.status);
    }
}
