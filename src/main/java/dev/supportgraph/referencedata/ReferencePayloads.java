package dev.supportgraph.referencedata;

import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.error.UserError;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.inventory.ServiceType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Payloads of the reference-data mutations: the object (null on userErrors) and what was done. */
public final class ReferencePayloads {

    static final String OUTCOME = "What the mutation did; null on userErrors.";
    static final String USER_ERRORS = "Why nothing changed; empty on success.";

    private ReferencePayloads() {
    }

    @Name("CustomerPayload")
    @Description("The customer after an upsert or status change.")
    public record CustomerPayload(@Description("The customer as it is now; null on userErrors.") CustomerType customer, @Description(OUTCOME) UpsertOutcome outcome,
                                  @NonNull @Description(USER_ERRORS) List<@NonNull UserError> userErrors) {
        static CustomerPayload failed(List<UserError> errors) {
            return new CustomerPayload(null, null, errors);
        }
    }

    @Name("ContactPayload")
    @Description("The contact after an upsert or status change.")
    public record ContactPayload(@Description("The contact as it is now; null on userErrors.") ContactType contact, @Description(OUTCOME) UpsertOutcome outcome,
                                 @NonNull @Description(USER_ERRORS) List<@NonNull UserError> userErrors) {
        static ContactPayload failed(List<UserError> errors) {
            return new ContactPayload(null, null, errors);
        }
    }

    @Name("ServicePayload")
    @Description("The service after an upsert.")
    public record ServicePayload(@Description("The service as it is now; null on userErrors.") ServiceType service, @Description(OUTCOME) UpsertOutcome outcome,
                                 @NonNull @Description(USER_ERRORS) List<@NonNull UserError> userErrors) {
        static ServicePayload failed(List<UserError> errors) {
            return new ServicePayload(null, null, errors);
        }
    }

    @Name("ResourcePayload")
    @Description("The resource after an upsert.")
    public record ResourcePayload(@Description("The resource as it is now; null on userErrors.") ResourceType resource, @Description(OUTCOME) UpsertOutcome outcome,
                                  @NonNull @Description(USER_ERRORS) List<@NonNull UserError> userErrors) {
        static ResourcePayload failed(List<UserError> errors) {
            return new ResourcePayload(null, null, errors);
        }
    }

    @Name("ServiceResourceLinkPayload")
    @Description("The service and resource of a link or unlink.")
    public record LinkPayload(@Description("The service; null on userErrors.") ServiceType service,
                              @Description("The resource; null on userErrors.") ResourceType resource,
                              @Description("UPDATED when the link was added or removed, UNCHANGED when it already was so; null on userErrors.")
                              UpsertOutcome outcome,
                              @NonNull @Description(USER_ERRORS) List<@NonNull UserError> userErrors) {
        static LinkPayload failed(List<UserError> errors) {
            return new LinkPayload(null, null, null, errors);
        }
    }
}
