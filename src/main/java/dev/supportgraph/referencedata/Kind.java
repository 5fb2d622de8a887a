package dev.supportgraph.referencedata;

import dev.supportgraph.customer.ContactChannel;
import dev.supportgraph.customer.ContactStatus;
import dev.supportgraph.customer.CustomerStatus;
import dev.supportgraph.customer.Contact;
import dev.supportgraph.customer.Customer;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.inventory.OperationalState;
import dev.supportgraph.inventory.Resource;
import dev.supportgraph.inventory.ServiceInstance;
import dev.supportgraph.inventory.ServiceState;
import dev.supportgraph.persistence.ExternallyKeyed;
import dev.supportgraph.referencedata.ReferenceInputs.ContactUpsert;
import dev.supportgraph.referencedata.ReferenceInputs.CustomerRef;
import dev.supportgraph.referencedata.ReferenceInputs.CustomerUpsert;
import dev.supportgraph.referencedata.ReferenceInputs.ResourceUpsert;
import dev.supportgraph.referencedata.ReferenceInputs.ServiceUpsert;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.supportgraph.referencedata.Validation.NAME_LENGTH;
import static dev.supportgraph.referencedata.Validation.SHORT_TEXT_LENGTH;

/**
 * How one type of reference data is upserted: its input's validation, how a new object is made and
 * how an input is applied to a stored one (reporting whether anything changed, so an unchanged
 * object keeps its version and writes no event). Applying sets a field only to a different value:
 * Hibernate then finds nothing dirty. On an update an omitted optional field keeps its value.
 *
 * @param <E> the entity
 * @param <I> the upsert input
 */
abstract class Kind<E extends ExternallyKeyed, I extends ReferenceInputs.Upsert> {

    static final Kind<Customer, CustomerUpsert> CUSTOMER = new Kind<>(ExternalType.CUSTOMER, Customer.class, Customer::new,
            Map.of("customer_account_number_key", "accountNumber")) {
        @Override
        CustomerUpsert validated(CustomerUpsert in) {
            return new CustomerUpsert(Validation.externalId(in.externalId(), "externalId"),
                    Inputs.text(in.accountNumber(), Validation.ACCOUNT_NUMBER_LENGTH, "input", "accountNumber"),
                    Inputs.text(in.name(), NAME_LENGTH, "input", "name"), Inputs.required(in.segment(), "input", "segment"),
                    in.status(), Validation.creditRating(in.creditRating()),
                    Validation.languageTag(in.preferredLanguage(), "preferredLanguage"), in.expectedVersion());
        }

        @Override
        boolean apply(Customer c, CustomerUpsert in, Long customerKey, Changes changes) {
            c.accountNumber = changes.set(c.accountNumber, in.accountNumber());
            c.name = changes.set(c.name, in.name());
            c.segment = changes.set(c.segment, in.segment());
            c.status = changes.keep(c.status, in.status(), CustomerStatus.ACTIVE);
            c.creditRating = changes.set(c.creditRating, in.creditRating());
            c.preferredLanguage = changes.keep(c.preferredLanguage, in.preferredLanguage(), "en");
            return changes.changed();
        }

        @Override
        boolean deactivate(Customer c) {
            boolean changed = c.status != CustomerStatus.INACTIVE;
            c.status = CustomerStatus.INACTIVE;
            return changed;
        }

        @Override
        Long customerOf(Customer c) {
            return c.id;
        }

        @Override
        JsonObject columns(Customer c) {
            return new JsonObject().put("external_id", c.externalId).put("account_number", c.accountNumber).put("name", c.name)
                    .put("status", c.status.name()).put("segment", c.segment.name()).put("credit_rating", c.creditRating)
                    .put("preferred_language", c.preferredLanguage);
        }

        @Override
        List<Column<CustomerUpsert>> sqlColumns() {
            return List.of(Column.set("account_number", "text", in -> in.accountNumber()), Column.set("name", "text", in -> in.name()),
                    Column.set("segment", "text", in -> in.segment().name()),
                    Column.keep("status", "text", "'ACTIVE'", in -> in.status() == null ? null : in.status().name()),
                    Column.set("credit_rating", "integer", in -> in.creditRating().toString()),
                    Column.keep("preferred_language", "text", "'en'", in -> in.preferredLanguage()));
        }

        @Override
        String eventCustomerColumn() {
            return "t.id";
        }
    };

    static final Kind<Contact, ContactUpsert> CONTACT = new Kind<>(ExternalType.CONTACT, Contact.class, Contact::new, Map.of()) {
        @Override
        ContactUpsert validated(ContactUpsert in) {
            return new ContactUpsert(Validation.externalId(in.externalId(), "externalId"), in.customerId(),
                    in.customerExternalId(), Inputs.text(in.name(), NAME_LENGTH, "input", "name"),
                    Inputs.text(in.role(), SHORT_TEXT_LENGTH, "input", "role"), Validation.email(in.email()),
                    Validation.phone(in.phone()), in.preferredChannel(), Validation.languageTag(in.language(), "language"),
                    in.status(), in.expectedVersion());
        }

        @Override
        CustomerRef customerRef(ContactUpsert in) {
            return in;
        }

        @Override
        boolean apply(Contact c, ContactUpsert in, Long customerKey, Changes changes) {
            c.customerId = changes.set(c.customerId, customerKey);
            c.name = changes.set(c.name, in.name());
            c.role = changes.set(c.role, in.role());
            c.email = changes.keep(c.email, in.email(), null);
            c.phone = changes.keep(c.phone, in.phone(), null);
            c.preferredChannel = changes.keep(c.preferredChannel, in.preferredChannel(), ContactChannel.EMAIL);
            c.language = changes.keep(c.language, in.language(), "en");
            c.status = changes.keep(c.status, in.status(), ContactStatus.ACTIVE);
            return changes.changed();
        }

        @Override
        boolean deactivate(Contact c) {
            boolean changed = c.status != ContactStatus.INACTIVE;
            c.status = ContactStatus.INACTIVE;
            return changed;
        }

        @Override
        Long customerOf(Contact c) {
            return c.customerId;
        }

        @Override
        JsonObject columns(Contact c) {
            return new JsonObject().put("external_id", c.externalId).put("customer_id", c.customerId).put("name", c.name)
                    .put("role", c.role).put("email", c.email).put("phone", c.phone).put("preferred_channel", c.preferredChannel.name())
                    .put("language", c.language).put("status", c.status.name());
        }

        @Override
        List<Column<ContactUpsert>> sqlColumns() {
            return List.of(Column.customer(), Column.set("name", "text", in -> in.name()), Column.set("role", "text", in -> in.role()),
                    Column.keep("email", "text", null, in -> in.email()), Column.keep("phone", "text", null, in -> in.phone()),
                    Column.keep("preferred_channel", "text", "'EMAIL'", in -> in.preferredChannel() == null ? null : in.preferredChannel().name()),
                    Column.keep("language", "text", "'en'", in -> in.language()),
                    Column.keep("status", "text", "'ACTIVE'", in -> in.status() == null ? null : in.status().name()));
        }

        @Override
        String eventCustomerColumn() {
            return "t.customer_id";
        }
    };

    static final Kind<ServiceInstance, ServiceUpsert> SERVICE = new Kind<>(ExternalType.SERVICE, ServiceInstance.class,
            ServiceInstance::new, Map.of()) {
        @Override
        ServiceUpsert validated(ServiceUpsert in) {
            return new ServiceUpsert(Validation.externalId(in.externalId(), "externalId"), in.customerId(),
                    in.customerExternalId(), Inputs.text(in.name(), NAME_LENGTH, "input", "name"),
                    Inputs.text(in.category(), SHORT_TEXT_LENGTH, "input", "category"), in.state(),
                    in.monthlyCharge() == null ? null : Inputs.amount(in.monthlyCharge(), true, "input", "monthlyCharge").toPlainString(),
                    Validation.currency(in.currency()), in.expectedVersion());
        }

        @Override
        CustomerRef customerRef(ServiceUpsert in) {
            return in;
        }

        @Override
        boolean apply(ServiceInstance s, ServiceUpsert in, Long customerKey, Changes changes) {
            s.customerId = changes.set(s.customerId, customerKey);
            s.name = changes.set(s.name, in.name());
            s.category = changes.set(s.category, in.category());
            s.state = changes.keep(s.state, in.state(), ServiceState.ACTIVE);
            s.monthlyCharge = changes.keep(s.monthlyCharge,
                    in.monthlyCharge() == null ? null : new BigDecimal(in.monthlyCharge()), BigDecimal.ZERO.setScale(2));
            s.currency = changes.keep(s.currency, in.currency(), "EUR");
            return changes.changed();
        }

        @Override
        Long customerOf(ServiceInstance s) {
            return s.customerId;
        }

        @Override
        JsonObject columns(ServiceInstance s) {
            return new JsonObject().put("external_id", s.externalId).put("customer_id", s.customerId).put("name", s.name)
                    .put("category", s.category).put("state", s.state.name()).put("monthly_charge", s.monthlyCharge.toPlainString())
                    .put("currency", s.currency);
        }

        @Override
        List<Column<ServiceUpsert>> sqlColumns() {
            return List.of(Column.customer(), Column.set("name", "text", in -> in.name()), Column.set("category", "text", in -> in.category()),
                    Column.keep("state", "text", "'ACTIVE'", in -> in.state() == null ? null : in.state().name()),
                    Column.keep("monthly_charge", "numeric", "0", in -> in.monthlyCharge()),
                    Column.keep("currency", "char(3)", "'EUR'", in -> in.currency()));
        }

        @Override
        String eventCustomerColumn() {
            return "t.customer_id";
        }
    };

    static final Kind<Resource, ResourceUpsert> RESOURCE = new Kind<>(ExternalType.RESOURCE, Resource.class, Resource::new,
            Map.of("resource_name_key", "name")) {
        @Override
        ResourceUpsert validated(ResourceUpsert in) {
            return new ResourceUpsert(Validation.externalId(in.externalId(), "externalId"),
                    Inputs.text(in.name(), NAME_LENGTH, "input", "name"),
                    Inputs.text(in.category(), SHORT_TEXT_LENGTH, "input", "category"),
                    Validation.optionalText(in.location(), NAME_LENGTH, "location"), in.operationalState(), in.expectedVersion());
        }

        @Override
        boolean apply(Resource r, ResourceUpsert in, Long customerKey, Changes changes) {
            r.name = changes.set(r.name, in.name());
            r.category = changes.set(r.category, in.category());
            r.location = changes.keep(r.location, in.location(), null);
            r.operationalState = changes.keep(r.operationalState, in.operationalState(), OperationalState.ENABLE);
            return changes.changed();
        }

        @Override
        Long customerOf(Resource r) {
            return null;
        }

        @Override
        JsonObject columns(Resource r) {
            return new JsonObject().put("external_id", r.externalId).put("name", r.name).put("category", r.category)
                    .put("location", r.location).put("operational_state", r.operationalState.name());
        }

        @Override
        List<Column<ResourceUpsert>> sqlColumns() {
            return List.of(Column.set("name", "text", in -> in.name()), Column.set("category", "text", in -> in.category()),
                    Column.keep("location", "text", null, in -> in.location()),
                    Column.keep("operational_state", "text", "'ENABLE'",
                            in -> in.operationalState() == null ? null : in.operationalState().name()));
        }

        @Override
        String eventCustomerColumn() {
            return "null::bigint";
        }
    };

    final ExternalType type;
    final Class<E> entity;
    private final Supplier<E> blank;
    /** Unique constraints of the table besides external_id, by name, and the input field they guard. */
    final Map<String, String> uniqueFields;

    private Kind(ExternalType type, Class<E> entity, Supplier<E> blank, Map<String, String> uniqueFields) {
        this.type = type;
        this.entity = entity;
        this.blank = blank;
        this.uniqueFields = uniqueFields;
    }

    /** The input checked and normalized; an ApiException names the field at fault. */
    abstract I validated(I input);

    /** The customer the input names, or null for types that belong to no customer (or are customers). */
    CustomerRef customerRef(I input) {
        return null;
    }

    /** Sets the input's fields on {@code entity}; true when any value changed. */
    abstract boolean apply(E entity, I input, Long customerKey, Changes changes);

    /** Marks {@code entity} inactive; true when it was not. Only customers and contacts are deactivated. */
    boolean deactivate(E entity) {
        throw new UnsupportedOperationException(type + " is not deactivated");
    }

    /** The customer the events of this object are scoped to (null: none). */
    abstract Long customerOf(E entity);

    /** A new object's row: its columns (by name, as the table has them) and values; the others take their defaults. */
    abstract JsonObject columns(E entity);

    /**
     * The columns an import batch writes with one statement (besides external_id), in the same
     * way as {@link #apply}: a set column takes the input's value, a kept one the input's value if
     * given, else the stored one, else its default.
     */
    abstract List<Column<I>> sqlColumns();

    /** The column (or expression) of a written row that scopes its events to a customer (see {@link #customerOf}). */
    abstract String eventCustomerColumn();

    /**
     * One column of an import batch's statement: its SQL type, whether an omitted value keeps the
     * stored one ({@code fallback}: the SQL default of a new row, null for none) and the input's
     * value as text (the customer's key for customer_id).
     */
    record Column<I>(String name, String type, boolean keep, String fallback, BiFunction<I, Long, String> value) {

        static <I> Column<I> set(String name, String type, Function<I, String> value) {
            return new Column<>(name, type, false, null, (in, customer) -> value.apply(in));
        }

        static <I> Column<I> keep(String name, String type, String fallback, Function<I, String> value) {
            return new Column<>(name, type, true, fallback, (in, customer) -> value.apply(in));
        }

        static <I> Column<I> customer() {
            return new Column<>("customer_id", "bigint", false, null, (in, customer) -> customer.toString());
        }
    }

    /** A new object as the input describes it (defaults for what it omits). */
    E create(String externalId, I input, Long customerKey) {
        E created = blank.get();
        created.externalId = externalId;
        apply(created, input, customerKey, new Changes());
        return created;
    }

    /** Tracks whether applying an input changed anything. */
    static final class Changes {

        private boolean changed;

        /** {@code next}, noting whether it differs from {@code current}. */
        <T> T set(T current, T next) {
            if (!Objects.equals(current, next)) {
                changed = true;
            }
            return next;
        }

        /** {@code next} if given; otherwise {@code current}, or {@code fallback} when there is none yet. */
        <T> T keep(T current, T next, T fallback) {
            return set(current, next != null ? next : current != null ? current : fallback);
        }

        boolean changed() {
            return changed;
        }
    }
}
