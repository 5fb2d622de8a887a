package dev.supportgraph.graph.compiled;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.ComputedAs;
import dev.supportgraph.graph.CurrencyOf;
import dev.supportgraph.graph.CustomerSees;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import jakarta.persistence.Entity;
import org.eclipse.microprofile.graphql.Input;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the {@link Catalog} from what the resolvers run on, so that there is one description of
 * the graph:
 * <ul>
 * <li>SmallRye's resolvers in the schema's code registry: a field read from a type record names
 *     the record and its accessor; a field computed by a {@code @Source} batch resolver names the
 *     resolver's class and method, with its arguments' Java types;</li>
 * <li>the record's factory ({@code static XxxType of(Entity ...)}) names the entity, Hibernate's
 *     mapping its table and columns; a record component with an entity attribute of the same name
 *     is that column; {@code xKey} components are the to-one relation {@code x} over {@code xId};</li>
 * <li>the services' {@link ScopedReads}: the row scope (owning customer, or staff only), what each
 *     filter input field means (the service's own filter function, applied to a probe input) and
 *     the orderings ({@link Ordering#sortKey()}), default order included;</li>
 * <li>{@link JoinedBy} on to-many batch resolvers: the join and the order of the rows.</li>
 * </ul>
 * Whatever does not fit is a fallback with its reason; nothing is guessed.
 */
final class CatalogDeriver {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\be\\.(\\w+)");
    private static final Pattern LINK_ATTRIBUTE = Pattern.compile("l\\.(\\w+)");
    private static final Pattern ENUM_LITERAL = Pattern.compile("\\b((?:[a-z_][\\w]*\\.)+[A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern SAFE_SQL = Pattern.compile("[\\w\\s.,{}'()=<>*+-]*");
    private static final Set<String> SCALARS = Set.of("String", "Int", "Boolean", "DateTime", "Date");

    private final GraphQLSchema schema;
    private final MappingMetamodel metamodel;
    private final Map<String, Class<?>> entities = new HashMap<>();
    /** The customers' GraphQL type: the parent of customer-scoped connections, the type of id filters. */
    private String customerType;
    private final Map<String, Catalog.Table> tables = new TreeMap<>();
    private final Map<String, String> fallbacks = new TreeMap<>();

    private CatalogDeriver(GraphQLSchema schema, MappingMetamodel metamodel) {
        this.schema = schema;
        this.metamodel = metamodel;
    }

    static Catalog derive(GraphQLSchema schema, MappingMetamodel metamodel) {
        return new CatalogDeriver(schema, metamodel).catalog();
    }

    /** The type whose reads are the customers' own ({@link ScopedReads#readsCustomers}), found by its service. */
    private String customerType() {
        List<String> customers = entities.entrySet().stream()
                .filter(e -> ScopedReads.declared(e.getValue()) instanceof ScopedReads<?, ?, ?, ?> reads && reads.readsCustomers())
                .map(Map.Entry::getKey)
                .toList();
        if (customers.size() != 1) {
            throw new IllegalStateException("Expected one type whose reads are the customers' own, found " + customers);
        }
        return customers.getFirst();
    }

    private Catalog catalog() {
        List<GraphQLObjectType> types = schema.getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(GraphQLObjectType.class::cast)
                .filter(t -> t != schema.getQueryType() && t != schema.getMutationType() && t != schema.getSubscriptionType())
                .toList();
        // Tables first (relations need their targets), then their fields.
        for (GraphQLObjectType type : types) {
            tableOf(type).ifPresent(table -> tables.put(type.getName(), table));
        }
        customerType = customerType();
        for (GraphQLObjectType type : types) {
            Catalog.Table table = tables.get(type.getName());
            if (table != null) {
                for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                    Either derived = field(type, table, field);
                    if (derived.field != null) {
                        table.fields().put(field.getName(), derived.field);
                    } else {
                        fallbacks.put(type.getName() + "." + field.getName(), derived.reason);
                    }
                }
            }
        }
        Map<String, Catalog.Listing> listings = new TreeMap<>();
        Map<String, String> byId = new TreeMap<>();
        Map<String, Boolean> nodeLookups = new TreeMap<>();
        for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
            String coordinates = "Query." + field.getName();
            GraphQLType returned = GraphQLTypeUtil.unwrapNonNull(field.getType());
            if (GraphQLTypeUtil.unwrapAll(returned).getName().equals(Node.TYPE) && field.getArguments().size() == 1
                    && GraphQLTypeUtil.unwrapAll(field.getArguments().getFirst().getType()).getName().equals("ID")) {
                nodeLookups.put(field.getName(), returned instanceof GraphQLList);
            } else if (returned instanceof GraphQLObjectType object && tables.containsKey(object.getName())
                    && field.getArguments().size() == 1 && field.getArguments().getFirst().getName().equals("id")) {
                byId.put(field.getName(), object.getName());
            } else if (nodeTypeOfConnection(returned) != null) {
                Either listing = listing(nodeTypeOfConnection(returned), operation(schema.getQueryType(), field));
                if (listing.listing != null) {
                    listings.put(field.getName(), listing.listing);
                } else {
                    fallbacks.put(coordinates, listing.reason);
                }
            } else {
                fallbacks.put(coordinates, "not a connection of a table nor a table row by id");
            }
        }
        // Sorted, not Map.copyOf: its order changes from run to run, and node(id:) renders a case per table in
        // the catalog's order, so the same document would plan to another SQL text (planner-golden/*.sql).
        return new Catalog(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(listings),
                Collections.unmodifiableMap(byId), Collections.unmodifiableMap(nodeLookups), fallbacks);
    }

    /** A derived field, or why there is none. */
    private record Either(Catalog.Field field, Catalog.Listing listing, String reason) {
        static Either of(Catalog.Field field) {
            return new Either(field, null, null);
        }

        static Either no(String reason) {
            return new Either(null, null, reason);
        }
    }

    // ---------------------------------------------------------------- tables

    private Optional<Catalog.Table> tableOf(GraphQLObjectType type) {
        Class<?> record = recordOf(type);
        if (record == null) {
            return Optional.empty();
        }
        Class<?> entity = entityOf(record);
        if (entity == null) {
            return Optional.empty();
        }
        EntityPersister persister = metamodel.findEntityDescriptor(entity);
        if (persister == null) {
            return Optional.empty();
        }
        entities.put(type.getName(), entity);
        ScopedReads<?, ?, ?, ?> reads = ScopedReads.declared(entity);
        String scope;
        if (reads != null) {
            if (reads.customerPath() == null) {
                scope = null;
            } else {
                Optional<String> column = attributePath(entity, reads.customerPath());
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                scope = column.get();
            }
        } else {
            // Rows read without a ScopedReads are visible by their customer column, if they have one, or
            // (shared rows without one) by what @CustomerSees says alone.
            Optional<String> column = column(entity, "customerId");
            if (column.isEmpty() && !entity.isAnnotationPresent(CustomerSees.class)) {
                return Optional.empty();
            }
            scope = column.orElse(null);
        }
        CustomerSees sees = entity.getAnnotation(CustomerSees.class);
        String customerSees = sees == null ? null : sees.value();
        Optional<String> customerCondition = customerSees == null ? Optional.empty() : hqlToSql(entity, customerSees);
        if (customerSees != null && customerCondition.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Catalog.Table(type.getName(), persister.getTableName(), scope, customerCondition.orElse(null),
                new LinkedHashMap<>()));
    }

    /** The record class SmallRye reads the type's plain fields from. */
    private Class<?> recordOf(GraphQLObjectType type) {
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            if (fetcher(type, field) instanceof FieldDataFetcher<?> fetcher) {
                Reference owner = SmallRyeFetchers.owner(fetcher);
                Class<?> owning = load(owner.getClassName());
                return owning != null && owning.isRecord() ? owning : null;
            }
        }
        return null;
    }

    /** The entity a record is made from: the first parameter of its static factory. */
    private static Class<?> entityOf(Class<?> record) {
        for (Method method : record.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == record
                    && method.getParameterCount() >= 1 && method.getParameterTypes()[0].isAnnotationPresent(Entity.class)) {
                return method.getParameterTypes()[0];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- fields

    private Either field(GraphQLObjectType type, Catalog.Table table, GraphQLFieldDefinition field) {
        if (field.getName().equals("id") && type.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node"))) {
            return Either.of(new Catalog.GlobalIdOf());
        }
        DataFetcher<?> fetcher = fetcher(type, field);
        Class<?> entity = entities.get(type.getName());
        if (fetcher instanceof FieldDataFetcher<?> property) {
            return property(recordOf(type), entity, field, SmallRyeFetchers.field(property).getPropertyName());
        }
        Operation operation = SmallRyeFetchers.operation(fetcher);
        if (operation == null) {
            return Either.no("no resolver the planner knows");
        }
        Method method = method(operation);
        if (method == null) {
            return Either.no("resolver method not found");
        }
        GraphQLType returned = GraphQLTypeUtil.unwrapNonNull(field.getType());
        String resolver = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (returned instanceof GraphQLObjectType target && tables.containsKey(target.getName())) {
            if (!field.getArguments().isEmpty()) {
                return Either.no("to-one resolver " + resolver + " with arguments");
            }
            Optional<String> key = relationKey(type, field.getName());
            return key.map(column -> Either.of(new Catalog.One(target.getName(), column)))
                    .orElseGet(() -> Either.no("to-one resolver " + resolver + " without a " + field.getName()
                            + "Key record component over an entity attribute " + field.getName() + "Id"));
        }
        if (returned instanceof GraphQLList list
                && GraphQLTypeUtil.unwrapAll(list) instanceof GraphQLObjectType target && tables.containsKey(target.getName())) {
            JoinedBy join = method.getAnnotation(JoinedBy.class);
            if (join == null || !field.getArguments().isEmpty()) {
                return Either.no("to-many resolver " + resolver + " without @JoinedBy");
            }
            Class<?> targetEntity = entities.get(target.getName());
            String parentName = Character.toLowerCase(type.getName().charAt(0)) + type.getName().substring(1);
            String parentPath = join.parentKey().replace(JoinedBy.PARENT, parentName);
            Optional<String> orderBy = hqlToSql(targetEntity, join.orderBy());
            Optional<String> condition = join.where().isBlank() ? Optional.empty() : hqlToSql(targetEntity, join.where());
            if (!join.where().isBlank() && condition.isEmpty()) {
                return Either.no("@JoinedBy of " + resolver + " has a condition the planner cannot read");
            }
            if (join.through() == void.class) {
                Optional<String> parentKey = attributePath(targetEntity, parentPath);
                return parentKey.isPresent() && orderBy.isPresent()
                        ? Either.of(new Catalog.Many(target.getName(), parentKey.get(), orderBy.get(), null, condition.orElse(null)))
                        : Either.no("@JoinedBy of " + resolver + " names what the entity does not map");
            }
            EntityPersister link = metamodel.findEntityDescriptor(join.through());
            Optional<String> parentKey = linkPath(join.through(), parentPath);
            Optional<String> childKey = linkPath(join.through(), join.childKey());
            Optional<String> parentRow = column(entities.get(type.getName()), join.parentAttribute());
            return link != null && parentKey.isPresent() && childKey.isPresent() && orderBy.isPresent() && parentRow.isPresent()
                    ? Either.of(new Catalog.Many(target.getName(), null, orderBy.get(),
                            new Catalog.Link(link.getTableName(), parentKey.get(), childKey.get(), parentRow.get()),
                            condition.orElse(null)))
                    : Either.no("@JoinedBy of " + resolver + " names what the entity, its parent or its link does not map");
        }
        GraphQLObjectType node = nodeTypeOfConnection(returned);
        if (node != null) {
            if (!type.getName().equals(customerType)) {
                return Either.no("connection resolver " + resolver + " of a non-customer parent");
            }
            Either listing = listing(node, operation);
            if (listing.listing == null) {
                return listing;
            }
            ScopedReads<?, ?, ?, ?> reads = ScopedReads.declared(entities.get(node.getName()));
            Optional<String> parentKey = reads.customerPath() == null ? Optional.empty()
                    : attributePath(entities.get(node.getName()), reads.customerPath());
            return parentKey.map(column -> Either.of(new Catalog.Connection(listing.listing, column)))
                    .orElseGet(() -> Either.no("connection resolver " + resolver + " of rows without a customer"));
        }
        return Either.no("computed by " + resolver);
    }

    /**
     * A record component read as it is: a column of the entity attribute of the same name, or
     * what its {@link ComputedAs} says.
     */
    private Either property(Class<?> record, Class<?> entity, GraphQLFieldDefinition field, String accessor) {
        GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
        if (GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList) {
            return Either.no("a list value");
        }
        ComputedAs computed = Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(accessor))
                .map(c -> c.getAnnotation(ComputedAs.class)).filter(Objects::nonNull).findFirst().orElse(null);
        java.lang.reflect.Field attribute = javaField(entity, accessor);
        if (type.getName().equals("Money")) {
            Optional<String> amount = computed != null ? hqlToSql(entity, computed.value())
                    : attribute != null && attribute.getType() == BigDecimal.class ? column(entity, accessor).map(c -> "{t}." + c)
                    : Optional.empty();
            Optional<String> currency = currency(entity);
            return amount.isPresent() && currency.isPresent()
                    ? Either.of(new Catalog.MoneyOf(amount.get(), currency.get()))
                    : Either.no("money without an amount and a currency on the row");
        }
        if (computed != null) {
            // An enum computed in HQL is stored by name only when it is an attribute's own value.
            java.lang.reflect.Field source = type instanceof GraphQLEnumType ? enumSource(entity, computed.value()) : null;
            if (type instanceof GraphQLEnumType && (source == null || !enumByName(source)) || !isScalarOrEnum(type)) {
                return Either.no("a " + type.getName() + " computed as " + computed.value());
            }
            return hqlToSql(entity, computed.value()).map(sql -> Either.of(new Catalog.Column(sql)))
                    .orElseGet(() -> Either.no("@ComputedAs " + computed.value() + " names what the entity does not map"));
        }
        if (attribute == null) {
            return Either.no("computed by the record (no entity attribute " + accessor + ")");
        }
        if (!(SCALARS.contains(type.getName()) || type instanceof GraphQLEnumType && enumByName(attribute))) {
            return Either.no("a " + type.getName() + " value");
        }
        return column(entity, accessor).map(column -> Either.of(new Catalog.Column("{t}." + column)))
                .orElseGet(() -> Either.no("entity attribute " + accessor + " is not one column"));
    }

    /**
     * The currency of the entity's amounts, SQL on {@code {t}}: its own {@code currency} column, or
     * the one of the row its {@link CurrencyOf} names (read as its resolvers join it).
     */
    private Optional<String> currency(Class<?> entity) {
        Optional<String> own = column(entity, "currency");
        CurrencyOf of = entity.getAnnotation(CurrencyOf.class);
        if (own.isPresent() || of == null) {
            return own.map(column -> "{t}." + column);
        }
        EntityPersister holder = metamodel.findEntityDescriptor(of.value());
        Optional<String> currency = column(of.value(), "currency");
        Optional<String> id = holder == null ? Optional.empty() : column(of.value(), holder.getIdentifierPropertyName());
        Optional<String> key = column(entity, of.key());
        return currency.isEmpty() || id.isEmpty() || key.isEmpty() ? Optional.empty()
                : Optional.of("(select {t}c." + currency.get() + " from " + holder.getTableName() + " {t}c where {t}c."
                        + id.get() + " = {t}." + key.get() + ")");
    }

    private static boolean isScalarOrEnum(GraphQLNamedType type) {
        return SCALARS.contains(type.getName()) || type instanceof GraphQLEnumType;
    }

    /** The entity attribute an HQL expression that is just {@code e.attribute} reads, or null. */
    private static java.lang.reflect.Field enumSource(Class<?> entity, String hql) {
        Matcher matcher = ATTRIBUTE.matcher(hql.strip());
        return matcher.matches() ? javaField(entity, matcher.group(1)) : null;
    }

    private static boolean enumByName(java.lang.reflect.Field attribute) {
        Enumerated enumerated = attribute.getAnnotation(Enumerated.class);
        return attribute.getType().isEnum() && enumerated != null && enumerated.value() == EnumType.STRING;
    }

    /** {@code xKey} on the record and {@code xId} on the entity: the foreign key of the to-one {@code x}. */
    private Optional<String> relationKey(GraphQLObjectType type, String field) {
        Class<?> record = recordOf(type);
        boolean component = Arrays.stream(record.getRecordComponents())
                .anyMatch(c -> c.getName().equals(field + "Key"));
        return component ? column(entities.get(type.getName()), field + "Id") : Optional.empty();
    }

    // ---------------------------------------------------------------- connections

    /** The node type of a Relay connection type ({@code edges { node }}), or null. */
    private static GraphQLObjectType nodeTypeOfConnection(GraphQLType type) {
        if (!(type instanceof GraphQLObjectType connection) || connection.getFieldDefinition("edges") == null
                || connection.getFieldDefinition("pageInfo") == null) {
            return null;
        }
        GraphQLType edge = GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("edges").getType());
        return edge instanceof GraphQLObjectType edgeType && edgeType.getFieldDefinition("node") != null
                && GraphQLTypeUtil.unwrapAll(edgeType.getFieldDefinition("node").getType()) instanceof GraphQLObjectType node
                ? node : null;
    }

    /** A connection of {@code node} rows resolved by {@code operation} through the node's {@link ScopedReads}. */
    private Either listing(GraphQLObjectType node, Operation operation) {
        Class<?> entity = entities.get(node.getName());
        ScopedReads<?, ?, ?, ?> reads = entity == null ? null : ScopedReads.declared(entity);
        if (reads == null || operation == null) {
            return Either.no("connection of " + node.getName() + " rows without a table and its ScopedReads");
        }
        Map<String, Class<?>> arguments = new HashMap<>();
        for (Argument argument : operation.getArguments()) {
            if (argument.isSourceArgument()) {
                continue;
            }
            arguments.put(argument.getName(), load(argument.getReference().getClassName()));
        }
        if (!Set.of("first", "after", "last", "before", "filter", "orderBy").containsAll(arguments.keySet())
                || !arguments.keySet().containsAll(Set.of("first", "after", "last", "before"))) {
            return Either.no("connection with arguments other than first/after/last/before/filter/orderBy");
        }
        List<Catalog.Filter> filters = new ArrayList<>();
        Set<String> engineFilters = new java.util.HashSet<>();
        if (arguments.containsKey("filter")) {
            Optional<String> problem = filters(entity, arguments.get("filter"), reads, filters, engineFilters);
            if (problem.isPresent()) {
                return Either.no(problem.get());
            }
        }
        Ordering<?> defaultOrder = reads.defaultOrder();
        if (defaultOrder == null) {
            return Either.no("list without a default order");
        }
        Map<String, Catalog.Sort> orderings = new HashMap<>();
        Class<?> orderClass = arguments.getOrDefault("orderBy", defaultOrder.getClass());
        for (Ordering<?> ordering : orderings(orderClass)) {
            Optional<Catalog.Sort> sort = sort(entity, ordering.sortKey());
            if (sort.isEmpty()) {
                return Either.no("ordering " + ordering.sortKey().name() + " is not plain HQL on the entity");
            }
            orderings.put(ordering.sortKey().name(), sort.get());
        }
        Optional<Catalog.Sort> fallback = sort(entity, defaultOrder.sortKey());
        if (fallback.isEmpty()) {
            return Either.no("default ordering is not plain HQL on the entity");
        }
        orderings.putIfAbsent(defaultOrder.sortKey().name(), fallback.get());
        return new Either(null, new Catalog.Listing(node.getName(), List.copyOf(filters), Set.copyOf(engineFilters), Map.copyOf(orderings),
                defaultOrder.sortKey().name(), defaultOrder.descending()), null);
    }

    /** Every ordering an orderBy record can express (each field value, ascending). */
    private static List<Ordering<?>> orderings(Class<?> orderClass) {
        if (orderClass == null || !orderClass.isRecord() || !Ordering.class.isAssignableFrom(orderClass)) {
            return List.of();
        }
        RecordComponent[] components = orderClass.getRecordComponents();
        List<Ordering<?>> all = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isEnum() && !components[i].getType().getSimpleName().equals("OrderDirection")) {
                for (Object constant : components[i].getType().getEnumConstants()) {
                    Object[] values = new Object[components.length];
                    for (int j = 0; j < components.length; j++) {
                        values[j] = j == i ? constant : components[j].getType().isEnum()
                                ? components[j].getType().getEnumConstants()[0] : null;
                    }
                    Object ordering = construct(orderClass, values);
                    if (ordering != null) {
                        all.add((Ordering<?>) ordering);
                    }
                }
            }
        }
        return all;
    }

    private Optional<Catalog.Sort> sort(Class<?> entity, SortKey<?> key) {
        Catalog.SortValue value = key.parser() == SortKey.TIMESTAMP ? Catalog.SortValue.TIMESTAMP
                : key.parser() == SortKey.DATE ? Catalog.SortValue.DATE
                : key.parser() == SortKey.INTEGER ? Catalog.SortValue.INTEGER
                : key.parser() == SortKey.TEXT ? Catalog.SortValue.TEXT : null;
        return value == null ? Optional.empty() : hqlToSql(entity, key.path()).map(sql -> new Catalog.Sort(sql, value));
    }

    // ---------------------------------------------------------------- filters

    /**
     * What each field of the filter input means, read from the service's own filter function: it
     * is applied to a probe (every field set to a value of its own) and each condition it adds is
     * traced back to the field whose value it binds. Adds to {@code filters}, and to
     * {@code engineFilters} the fields no probe value can stand for (left unset in the probe); the
     * problem if any.
     */
    private Optional<String> filters(Class<?> entity, Class<?> filterClass, ScopedReads<?, ?, ?, ?> reads,
                                     List<Catalog.Filter> filters, Set<String> engineFilters) {
        if (filterClass == null || !filterClass.isRecord()) {
            return Optional.of("filter input is not a record");
        }
        RecordComponent[] components = filterClass.getRecordComponents();
        Object[] probe = new Object[components.length];
        Map<Object, String> fieldOfValue = new IdentityHashMap<>();
        Map<Long, String> fieldOfId = new HashMap<>();
        Map<String, String> fieldOfText = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Class<?> type = component.getType();
            String name = component.getName();
            Class<?> element = type == List.class && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> c ? c : null;
            if (element != null && element.isEnum()) {
                probe[i] = new ArrayList<>(List.of(element.getEnumConstants()[0]));
            } else if (element == String.class) {
                probe[i] = new ArrayList<>(List.of("probe" + i));
            } else if (element == Integer.class) {
                probe[i] = new ArrayList<>(List.of(i));
            } else if (type == OffsetDateTime.class) {
                probe[i] = OffsetDateTime.of(2000, 1, 1, 0, 0, i, 0, ZoneOffset.UTC);
            } else if (type == LocalDate.class) {
                probe[i] = LocalDate.of(2000, 1, 1 + i);
            } else if (type == String.class && isId(filterClass, name)) {
                long id = 1_000_000L + i;
                probe[i] = GlobalId.encode(customerType, id);
                fieldOfId.put(id, name);
                continue;
            } else if (type == String.class) {
                String text = "probe" + i + "text";
                probe[i] = text;
                fieldOfText.put(text, name);
                continue;
            } else {
                engineFilters.add(name);
                continue;
            }
            fieldOfValue.put(probe[i], name);
        }
        Object input = construct(filterClass, probe);
        if (input == null) {
            return Optional.of("filter input cannot be built");
        }
        Where where;
        try {
            @SuppressWarnings("unchecked")
            Function<Object, Where> function = (Function<Object, Where>) reads.filter();
            where = function.apply(input);
        } catch (RuntimeException e) {
            return Optional.of("filter function refuses a probe: " + e.getMessage());
        }
        Set<String> covered = new java.util.HashSet<>();
        for (String condition : where.conditions()) {
            Optional<Catalog.Filter> filter = condition(entity, condition, where.params(), fieldOfValue, fieldOfId,
                    fieldOfText);
            if (filter.isEmpty()) {
                return Optional.of("filter condition not understood: " + condition);
            }
            filters.add(filter.get());
            covered.add(filter.get().field());
        }
        for (RecordComponent component : components) {
            if (!covered.contains(component.getName()) && !engineFilters.contains(component.getName())) {
                return Optional.of("filter field " + component.getName() + " adds no condition");
            }
        }
        return Optional.empty();
    }

    private static final Pattern IN = Pattern.compile("e\\.(\\w+) in \\(:(\\w+)\\)");
    private static final Pattern COMPARE = Pattern.compile("e\\.(\\w+) (>=|<|=) :(\\w+)");
    private static final Pattern LIKE = Pattern.compile("lower\\(e\\.(\\w+)\\) like :(\\w+) escape '\\\\'");

    private Optional<Catalog.Filter> condition(Class<?> entity, String condition, Map<String, Object> params,
                                               Map<Object, String> fieldOfValue, Map<Long, String> fieldOfId,
                                               Map<String, String> fieldOfText) {
        Matcher in = IN.matcher(condition);
        if (in.matches() && fieldOfValue.get(params.get(in.group(2))) instanceof String field
                && params.get(in.group(2)) instanceof List<?> values) {
            boolean integers = values.getFirst() instanceof Integer;
            return column(entity, in.group(1)).map(column -> new Catalog.AnyOf(field, column, integers));
        }
        Matcher compare = COMPARE.matcher(condition);
        if (compare.matches()) {
            Object value = params.get(compare.group(3));
            Optional<String> column = column(entity, compare.group(1));
            if (compare.group(2).equals("=") && value instanceof Long id && fieldOfId.containsKey(id)) {
                return column.map(c -> new Catalog.IdIs(fieldOfId.get(id), c, customerType));
            }
            String field = fieldOfValue.get(value);
            Catalog.SortValue kind = value instanceof OffsetDateTime ? Catalog.SortValue.TIMESTAMP
                    : value instanceof LocalDate ? Catalog.SortValue.DATE : null;
            if (field == null || kind == null || compare.group(2).equals("=")) {
                return Optional.empty();
            }
            return column.map(c -> compare.group(2).equals(">=") ? new Catalog.AtOrAfter(field, c, kind)
                    : new Catalog.Before(field, c, kind));
        }
        if (condition.startsWith("(") && condition.endsWith(")")) {
            List<String> columns = new ArrayList<>();
            String parameter = null;
            for (String any : condition.substring(1, condition.length() - 1).split(" or ")) {
                Matcher like = LIKE.matcher(any);
                Optional<String> column = like.matches() ? column(entity, like.group(1)) : Optional.empty();
                if (column.isEmpty() || parameter != null && !parameter.equals(like.group(2))) {
                    return Optional.empty();
                }
                parameter = like.group(2);
                columns.add(column.get());
            }
            if (parameter != null && params.get(parameter) instanceof String pattern) {
                for (Map.Entry<String, String> text : fieldOfText.entrySet()) {
                    if (pattern.equals(Where.likePattern(text.getKey()))) {
                        return Optional.of(new Catalog.Search(text.getValue(), List.copyOf(columns)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the filter input's field is an ID in the schema. */
    private boolean isId(Class<?> filterClass, String field) {
        Input name = filterClass.getAnnotation(Input.class);
        return name != null && schema.getType(name.value()) instanceof GraphQLInputObjectType input
                && input.getField(field) != null
                && GraphQLTypeUtil.unwrapAll(input.getField(field).getType()).getName().equals("ID");
    }

    // ---------------------------------------------------------------- the mapping

    /** An HQL path {@code l.attribute} on a link entity as the column's name. */
    private Optional<String> linkPath(Class<?> link, String path) {
        Matcher matcher = LINK_ATTRIBUTE.matcher(path);
        return matcher.matches() ? column(link, matcher.group(1)) : Optional.empty();
    }

    /** An HQL path {@code e.attribute} as the column's name. */
    private Optional<String> attributePath(Class<?> entity, String path) {
        Matcher matcher = ATTRIBUTE.matcher(path);
        return matcher.matches() ? column(entity, matcher.group(1)) : Optional.empty();
    }

    /**
     * HQL on {@code e} as SQL on {@code {t}}: attributes become columns, enum literals their
     * stored names; anything else is refused.
     */
    private Optional<String> hqlToSql(Class<?> entity, String hql) {
        StringBuilder literals = new StringBuilder();
        Matcher enums = ENUM_LITERAL.matcher(hql);
        while (enums.find()) {
            Class<?> type = load(enums.group(1));
            if (type == null || !type.isEnum() || Arrays.stream(type.getEnumConstants())
                    .noneMatch(c -> ((Enum<?>) c).name().equals(enums.group(2)))) {
                return Optional.empty();
            }
            enums.appendReplacement(literals, Matcher.quoteReplacement("'" + enums.group(2) + "'"));
        }
        enums.appendTail(literals);
        StringBuilder sql = new StringBuilder();
        Matcher attributes = ATTRIBUTE.matcher(literals);
        while (attributes.find()) {
            Optional<String> column = column(entity, attributes.group(1));
            if (column.isEmpty()) {
                return Optional.empty();
            }
            attributes.appendReplacement(sql, Matcher.quoteReplacement("{t}." + column.get()));
        }
        attributes.appendTail(sql);
        return SAFE_SQL.matcher(sql).matches() ? Optional.of(sql.toString()) : Optional.empty();
    }

    /** The single column an entity attribute is mapped to. */
    private Optional<String> column(Class<?> entity, String attribute) {
        if (entity == null) {
            return Optional.empty();
        }
        EntityPersister persister = metamodel.findEntityDescriptor(entity);
        AttributeMapping mapping = persister == null ? null : persister.findAttributeMapping(attribute);
        if (mapping == null && persister != null && persister.getIdentifierMapping() instanceof EmbeddableValuedModelPart composite) {
            // A part of a composite key (a link table's @IdClass).
            mapping = composite.getEmbeddableTypeDescriptor().findAttributeMapping(attribute);
        }
        if (mapping == null && persister != null && persister.getIdentifierMapping() instanceof SelectableMapping id
                && attribute.equals(persister.getIdentifierPropertyName())) {
            return Optional.of(id.getSelectionExpression());
        }
        return mapping instanceof SelectableMapping selectable && mapping.getJdbcTypeCount() == 1
                ? Optional.of(selectable.getSelectionExpression()) : Optional.empty();
    }

    private static java.lang.reflect.Field javaField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private DataFetcher<?> fetcher(GraphQLObjectType type, GraphQLFieldDefinition field) {
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field);
    }

    private Operation operation(GraphQLObjectType type, GraphQLFieldDefinition field) {
        return SmallRyeFetchers.operation(fetcher(type, field));
    }

    private static Method method(Operation operation) {
        Class<?> type = load(operation.getClassName());
        if (type == null) {
            return null;
        }
        for (Method method : type.getMethods()) {
            if (method.getName().equals(operation.getMethodName())) {
                return method;
            }
        }
        return null;
    }

    private static Object construct(Class<?> record, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }
}
