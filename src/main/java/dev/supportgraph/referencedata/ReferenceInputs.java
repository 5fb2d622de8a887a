package dev.supportgraph.referencedata;

import dev.supportgraph.customer.ContactChannel;
import dev.supportgraph.customer.ContactStatus;
import dev.supportgraph.customer.CustomerSegment;
import dev.supportgraph.customer.CustomerStatus;
import dev.supportgraph.inventory.OperationalState;
import dev.supportgraph.inventory.ServiceState;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Inputs of the reference-data mutations; the bulk import reads the same fields from its lines.
 * On an update an omitted optional field keeps its value; on a create it takes its default.
 */
public final class ReferenceInputs {

    static final String EXTERNAL_ID = "The object's key in its system of record: the upsert matches on it (1 to 200 characters).";
    static final String EXPECTED_VERSION = "When given, the update applies only if the stored version is this one (else STALE_OBJECT).";
    static final String CUSTOMER_ID = "The customer by global id; give this or customerExternalId.";
    static final String CUSTOMER_EXTERNAL_ID = "The customer by externalId; give this or customerId.";

    private ReferenceInputs() {
    }

    /** What every upsert input has. */
    interface Upsert {
        String externalId();

        Integer expectedVersion();
    }

    /** A customer given by id or externalId (one of them). */
    interface CustomerRef {
        String customerId();

        String customerExternalId();
    }

    @Input("CustomerUpsertInput")
    @Description("A customer as its system of record (CRM) has it.")
    public record CustomerUpsert(
            @NonNull @Description(EXTERNAL_ID) String externalId,
            @NonNull @Description("Account number, unique among customers (at most 64 characters).") String accountNumber,
            @NonNull @Description("Name (at most 200 characters).") String name,
            @NonNull @Description("Market segment.") CustomerSegment segment,
            @Description("Status; default ACTIVE.") CustomerStatus status,
            @NonNull @Description("0 (worst) to 1000 (best).") Integer creditRating,
            @Description("BCP 47 language tag, e.g. en or de-CH; default en.") String preferredLanguage,
            @Description(EXPECTED_VERSION) Integer expectedVersion) implements Upsert {
    }

    @Input("ContactUpsertInput")
    @Description("A contact as its system of record (CRM) has it.")
    public record ContactUpsert(
            @NonNull @Description(EXTERNAL_ID) String externalId,
            @Id @Description(CUSTOMER_ID) String customerId,
            @Description(CUSTOMER_EXTERNAL_ID) String customerExternalId,
            @NonNull @Description("Name (at most 200 characters).") String name,
            @NonNull @Description("Role at the customer, e.g. IT manager (at most 100 characters).") String role,
            @Description("E-mail address (at most 254 characters).") String email,
            @Description("Phone number, digits with an optional leading + and spaces, dashes, dots or parentheses.") String phone,
            @Description("Preferred channel; default EMAIL.") ContactChannel preferredChannel,
            @Description("BCP 47 language tag; default en.") String language,
            @Description("Status; default ACTIVE.") ContactStatus status,
            @Description(EXPECTED_VERSION) Integer expectedVersion) implements Upsert, CustomerRef {
    }

    @Input("ServiceUpsertInput")
    @Description("A service instance as the service inventory has it.")
    public record ServiceUpsert(
            @NonNull @Description(EXTERNAL_ID) String externalId,
            @Id @Description(CUSTOMER_ID) String customerId,
            @Description(CUSTOMER_EXTERNAL_ID) String customerExternalId,
            @NonNull @Description("Name (at most 200 characters).") String name,
            @NonNull @Description("Product category, e.g. FIBRE_ACCESS (at most 100 characters).") String category,
            @Description("State; default ACTIVE.") ServiceState state,
            @Description("Monthly charge, a non-negative decimal such as \"49.90\"; default 0.") String monthlyCharge,
            @Description("ISO 4217 currency of the charge; default EUR.") String currency,
            @Description(EXPECTED_VERSION) Integer expectedVersion) implements Upsert, CustomerRef {
    }

    @Input("ResourceUpsertInput")
    @Description("A resource as the resource inventory has it.")
    public record ResourceUpsert(
            @NonNull @Description(EXTERNAL_ID) String externalId,
            @NonNull @Description("Name, unique among resources (at most 200 characters).") String name,
            @NonNull @Description("Resource category, e.g. OLT (at most 100 characters).") String category,
            @Description("Where it is (at most 200 characters).") String location,
            @Description("Operational state; default ENABLE.") OperationalState operationalState,
            @Description(EXPECTED_VERSION) Integer expectedVersion) implements Upsert {
    }

    @Input("ServiceResourceLinkInput")
    @Description("A service and a resource it runs on, each by global id or by externalId.")
    public record Link(
            @Id @Description("The service by global id; give this or serviceExternalId.") String serviceId,
            @Description("The service by externalId.") String serviceExternalId,
            @Id @Description("The resource by global id; give this or resourceExternalId.") String resourceId,
            @Description("The resource by externalId.") String resourceExternalId) {
    }

    @Input("DeactivateInput")
    @Description("An object to deactivate, by global id or by externalId.")
    public record Deactivate(
            @Id @Description("The object's global id; give this or externalId.") String id,
            @Description("The object's externalId.") String externalId,
            @Description(EXPECTED_VERSION) Integer expectedVersion) {
    }
}
