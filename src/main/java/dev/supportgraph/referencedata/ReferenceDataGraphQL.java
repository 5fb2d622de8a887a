package dev.supportgraph.referencedata;

import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.Nodes;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.referencedata.ReferenceDataWriter.Result;
import dev.supportgraph.referencedata.ReferencePayloads.ContactPayload;
import dev.supportgraph.referencedata.ReferencePayloads.CustomerPayload;
import dev.supportgraph.referencedata.ReferencePayloads.LinkPayload;
import dev.supportgraph.referencedata.ReferencePayloads.ResourcePayload;
import dev.supportgraph.referencedata.ReferencePayloads.ServicePayload;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/**
 * Reference data from the systems of record: upserts keyed by externalId, deactivations,
 * service-resource links (integration and admin), and the lookup by externalId (everyone, scoped
 * as node(id:)). Thin: ReferenceDataService does the work.
 */
@GraphQLApi
@Authenticated
public class ReferenceDataGraphQL {

    private static final String UPSERT = " by externalId: creates it, or updates it (expectedVersion optional); "
            + "UNCHANGED, without a new version or event, when it already is as given. Integration and admin only.";

    @Inject
    ReferenceDataService service;

    @Inject
    Nodes nodes;

    @Query
    @Description("The object of this type with this externalId, or null when there is none or it is not visible to the "
            + "caller (the same scope as node(id:)).")
    public Node nodeByExternalId(@NonNull @Description("The type of the object.") ExternalType type,
                                 @NonNull @Description("Its key in its system of record.") String externalId) {
        return service.byExternalId(type, externalId);
    }

    @Mutation
    @Description("Upserts a customer" + UPSERT)
    public @NonNull CustomerPayload customerUpsert(@NonNull ReferenceInputs.CustomerUpsert input) {
        return Mutations.run(() -> customer(service.upsert(Kind.CUSTOMER, input)), CustomerPayload::failed);
    }

    @Mutation
    @Description("Upserts a contact of a customer (named by customerId or customerExternalId)" + UPSERT)
    public @NonNull ContactPayload contactUpsert(@NonNull ReferenceInputs.ContactUpsert input) {
        return Mutations.run(() -> contact(service.upsert(Kind.CONTACT, input)), ContactPayload::failed);
    }

    @Mutation
    @Description("Upserts a service of a customer (named by customerId or customerExternalId)" + UPSERT)
    public @NonNull ServicePayload serviceUpsert(@NonNull ReferenceInputs.ServiceUpsert input) {
        return Mutations.run(() -> {
            Result result = service.upsert(Kind.SERVICE, input);
            return new ServicePayload(load(ServiceType.TYPE, result.key(), ServiceType.class), result.outcome(), List.of());
        }, ServicePayload::failed);
    }

    @Mutation
    @Description("Upserts a resource" + UPSERT)
    public @NonNull ResourcePayload resourceUpsert(@NonNull ReferenceInputs.ResourceUpsert input) {
        return Mutations.run(() -> {
            Result result = service.upsert(Kind.RESOURCE, input);
            return new ResourcePayload(load(ResourceType.TYPE, result.key(), ResourceType.class), result.outcome(), List.of());
        }, ResourcePayload::failed);
    }

    @Mutation
    @Description("Deactivates a customer (status INACTIVE); customers are never deleted. Integration and admin only.")
    public @NonNull CustomerPayload customerDeactivate(@NonNull ReferenceInputs.Deactivate input) {
        return Mutations.run(() -> customer(service.deactivate(Kind.CUSTOMER, input)), CustomerPayload::failed);
    }

    @Mutation
    @Description("Deactivates a contact (status INACTIVE); contacts are never deleted. Integration and admin only.")
    public @NonNull ContactPayload contactDeactivate(@NonNull ReferenceInputs.Deactivate input) {
        return Mutations.run(() -> contact(service.deactivate(Kind.CONTACT, input)), ContactPayload::failed);
    }

    @Mutation
    @Description("Records that a service runs on a resource (impact analysis follows these links). Integration and admin only.")
    public @NonNull LinkPayload serviceResourceLink(@NonNull ReferenceInputs.Link input) {
        return Mutations.run(() -> link(service.link(input, true)), LinkPayload::failed);
    }

    @Mutation
    @Description("Removes the link between a service and a resource. Integration and admin only.")
    public @NonNull LinkPayload serviceResourceUnlink(@NonNull ReferenceInputs.Link input) {
        return Mutations.run(() -> link(service.link(input, false)), LinkPayload::failed);
    }

    private CustomerPayload customer(Result result) {
        return new CustomerPayload(load(CustomerType.TYPE, result.key(), CustomerType.class), result.outcome(), List.of());
    }

    private ContactPayload contact(Result result) {
        return new ContactPayload(load(ContactType.TYPE, result.key(), ContactType.class), result.outcome(), List.of());
    }

    private LinkPayload link(ReferenceDataService.Linked linked) {
        return new LinkPayload(load(ServiceType.TYPE, linked.service(), ServiceType.class),
                load(ResourceType.TYPE, linked.resource(), ResourceType.class), linked.outcome(), List.of());
    }

    /** The object as the caller may see it, read after the mutation's commit. */
    private <T> T load(String type, long key, Class<T> as) {
        return as.cast(nodes.load(List.of(new GlobalId(type, key))).getFirst());
    }
}
