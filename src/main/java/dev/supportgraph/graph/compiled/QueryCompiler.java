package dev.supportgraph.graph.compiled;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.graph.Cursor;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.NodeGraphQL;
import dev.supportgraph.graph.Where;
import graphql.execution.RawVariables;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.quarkus.logging.Log;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a query document into one SQL statement that builds the whole {@code data} object as
 * JSON inside PostgreSQL, the way PostGraphile does: one round trip whatever the depth, no
 * per-field execution. It plans what the {@link Catalog} describes (rows by id, connections with
 * their filters, orderings, cursors in both directions, totals and page info, nested connections,
 * to-one and to-many relations, columns) over the normalized operation (fragments, inline
 * fragments on interfaces, aliases and {@code @include}/{@code @skip} already resolved) and gives
 * up on anything else, which then stays on the GraphQL engine, always right.
 * <p>
 * Every value of the request is a bind parameter; only names the catalog derived from the
 * mapping (tables, columns) and the document's response keys (quoted) are part of the text.
 */
final class QueryCompiler {

    private static final String ORDER_BY = "orderBy";

    /** PostgreSQL functions take at most 100 arguments: json_build_object gets 50 fields. */
    private static final int MAX_FIELDS_PER_OBJECT = 50;

    private final Catalog catalog;
    private final GraphQLSchema schema;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final List<CompiledQuery.Parameter> parameters = new ArrayList<>();
    /** The values of the {@link #planVariables} the plan is made for. */
    private final Map<String, Object> planning;
    private int aliases;
    /** The first field the planner could not answer (for the debug log). */
    private String refused;

    private QueryCompiler(Catalog catalog, GraphQLSchema schema, int defaultPageSize, int maxPageSize,
                          Map<String, Object> planning) {
        this.planning = planning;
        this.catalog = catalog;
        this.schema = schema;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /**
     * The document's single query as SQL, or empty when some part of it is not planned.
     *
     * @param variables the request's values: they decide {@code @include}/{@code @skip} and the
     *                  orderings given as variables (the plan is kept per value of those
     *                  {@link #planVariables}) and nothing else (the plan binds its own per request)
     */
    static Optional<CompiledQuery> compile(Catalog catalog, GraphQLSchema schema, Document document,
                                           Map<String, Object> variables, int defaultPageSize, int maxPageSize) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.QUERY) {
            return Optional.empty();
        }
        try {
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                    .createExecutableNormalizedOperationWithRawVariables(schema, document, null, RawVariables.of(variables));
            QueryCompiler compiler = new QueryCompiler(catalog, schema, defaultPageSize, maxPageSize,
                    variables == null ? Map.of() : variables);
            Optional<String> planned = compiler.root(operation.getTopLevelFields());
            if (planned.isEmpty()) {
                Log.debugf("Not planned, left to the engine: %s", compiler.refused);
            }
            return planned.map(sql -> new CompiledQuery(
                    operations.getFirst().getName(), "select " + sql + "::text", List.copyOf(compiler.parameters),
                    List.copyOf(planVariables(document))));
        } catch (RuntimeException e) {
            // A document the engine accepted but the normalizer or this planner cannot handle: the engine's.
            Log.debugf(e, "Not planned, left to the engine");
            return Optional.empty();
        }
    }

    /**
     * The variables the statement's text depends on: those {@code @include}/{@code @skip} read (the
     * normalized selection depends on their values) and those in an {@code orderBy} (the ordering
     * is the statement's; clients send few of them).
     */
    static Set<String> planVariables(Document document) {
        Set<String> names = new LinkedHashSet<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                node.getArguments().forEach(argument -> {
                    if (argument.getValue() instanceof VariableReference variable) {
                        names.add(variable.getName());
                    }
                });
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (node.getName().equals(ORDER_BY)) {
                    new NodeTraverser().depthFirst(new NodeVisitorStub() {
                        @Override
                        public TraversalControl visitVariableReference(VariableReference variable, TraverserContext<Node> inner) {
                            names.add(variable.getName());
                            return TraversalControl.CONTINUE;
                        }
                    }, node.getValue());
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return names;
    }

    private Optional<String> root(List<ExecutableNormalizedField> fields) {
        return object(fields, field -> {
            if (field.getFieldName().equals("__typename")) {
                return Optional.of(quoted(schema.getQueryType().getName()));
            }
            Catalog.Listing listing = catalog.listings().get(field.getFieldName());
            if (listing != null) {
                return connection(field, listing, null, null);
            }
            Boolean plural = catalog.nodeLookups().get(field.getFieldName());
            if (plural != null) {
                return nodes(field, plural);
            }
            String type = catalog.byId().get(field.getFieldName());
            if (type == null || field.getAstArguments().size() != 1
                    || !field.getAstArguments().getFirst().getName().equals("id")) {
                return Optional.empty();
            }
            Function<JsonObject, Object> id = source(field.getAstArguments().getFirst().getValue());
            String parameter = parameter(variables -> id.apply(variables) instanceof String value
                    ? decode(type, value) : unbound());
            Catalog.Table table = catalog.table(type).orElseThrow();
            String alias = alias();
            return object(table, alias, field.getChildren()).map(object -> "(select " + object + " from "
                    + table.table() + " " + alias + " where " + alias + ".id = " + parameter + "::bigint and "
                    + scope(table, alias) + ")");
        });
    }

    /**
     * {@code node(id:)} / {@code nodes(ids:)}: the ids are decoded when the plan is bound (a malformed
     * id, too many ids or a type without a table leave the request to the engine, which answers with
     * its error or through the type's loader), and each row is read by its type's branch, within the
     * caller's scope; missing or invisible rows are null, in the order of the ids.
     */
    private Optional<String> nodes(ExecutableNormalizedField field, boolean plural) {
        if (field.getAstArguments().size() != 1) {
            return Optional.empty();
        }
        Function<JsonObject, Object> value = source(field.getAstArguments().getFirst().getValue());
        StringBuilder branches = new StringBuilder();
        Set<String> types = new LinkedHashSet<>();
        for (Catalog.Table table : catalog.tables().values()) {
            GraphQLObjectType type = schema.getObjectType(table.type());
            if (type == null || type.getInterfaces().stream().noneMatch(i -> i.getName().equals(dev.supportgraph.graph.Node.TYPE))) {
                continue;
            }
            List<ExecutableNormalizedField> selection = field.getChildren().stream()
                    .filter(child -> child.getObjectTypeNames().contains(table.type())).toList();
            String alias = alias();
            Optional<String> object = selection.isEmpty() ? Optional.of("json_build_object()")
                    : object(selection, child -> value(table, alias, child));
            if (object.isEmpty()) {
                return Optional.empty();
            }
            types.add(table.type());
            branches.append(" when ").append(quoted(table.type())).append(" then (select ").append(object.get())
                    .append(" from ").append(table.table()).append(' ').append(alias).append(" where ").append(alias)
                    .append(".id = n.key and ").append(scope(table, alias)).append(')');
        }
        Function<JsonObject, List<GlobalId>> ids = variables -> globalIds(value.apply(variables), plural, types);
        String typeArray = parameter(variables -> ids.apply(variables).stream().map(GlobalId::type).toArray(String[]::new));
        String keyArray = parameter(variables -> ids.apply(variables).stream().map(GlobalId::id).toArray(Long[]::new));
        String rows = "(case n.type" + branches + " end)";
        String from = " from unnest(" + typeArray + "::text[], " + keyArray + "::bigint[]) with ordinality as n(type, key, ord)";
        return Optional.of(plural ? "(select coalesce(json_agg(" + rows + " order by n.ord), '[]')" + from + ")"
                : "(select " + rows + from + ")");
    }

    /** The ids of a node lookup, each of a planned type; else the request is the engine's. */
    private static List<GlobalId> globalIds(Object value, boolean plural, Set<String> types) {
        List<?> values = plural ? list(value) : value == null ? null : List.of(value);
        if (values == null || values.size() > NodeGraphQL.MAX_IDS) {
            return unbound();
        }
        List<GlobalId> ids = new ArrayList<>();
        for (Object id : values) {
            try {
                GlobalId decoded = id instanceof String text ? GlobalId.decode(text) : unbound();
                ids.add(types.contains(decoded.type()) ? decoded : unbound());
            } catch (ApiException e) {
                return unbound();
            }
        }
        return ids;
    }

    /** Adds a bind parameter; returns its placeholder ({@code $1} is the caller's customer scope). */
    private String parameter(CompiledQuery.Parameter parameter) {
        parameters.add(parameter);
        return "$" + (parameters.size() + 1);
    }

    /** Where an argument's value comes from: a variable of the request, or a literal of the document. */
    private static Function<JsonObject, Object> source(Value<?> value) {
        if (value instanceof VariableReference variable) {
            String name = variable.getName();
            return variables -> variables != null && variables.containsKey(name) ? variables.getValue(name) : null;
        }
        Object literal = jsonOf(value);
        return variables -> literal;
    }

    /** A value with the plan variables' values it was planned for (JSON as in {@link #jsonOf}). */
    private Object planned(Value<?> value) {
        return switch (value) {
            case VariableReference variable -> {
                Object bound = planning.get(variable.getName());
                if (bound instanceof Map<?, ?> map) {
                    JsonObject json = new JsonObject();
                    map.forEach((name, field) -> json.put(String.valueOf(name), field));
                    yield json;
                }
                yield bound;
            }
            case ObjectValue object -> {
                JsonObject json = new JsonObject();
                object.getObjectFields().forEach(f -> json.put(f.getName(), planned(f.getValue())));
                yield json;
            }
            default -> jsonOf(value);
        };
    }

    /** A literal as JSON would carry it; a variable inside a literal is not planned. */
    private static Object jsonOf(Value<?> value) {
        return switch (value) {
            case StringValue string -> string.getValue();
            case EnumValue enumValue -> enumValue.getName();
            case IntValue integer -> integer.getValue().intValueExact();
            case BooleanValue bool -> bool.isValue();
            case NullValue ignored -> null;
            case ArrayValue array -> new JsonArray(array.getValues().stream().map(QueryCompiler::jsonOf).toList());
            case ObjectValue object -> {
                JsonObject json = new JsonObject();
                object.getObjectFields().forEach(f -> json.put(f.getName(), jsonOf(f.getValue())));
                yield json;
            }
            default -> throw new IllegalArgumentException("Not planned: " + value);
        };
    }

    private static long decode(String type, String id) {
        try {
            return GlobalId.decode(type, id);
        } catch (ApiException e) {
            return unbound();
        }
    }

    private static <T> T unbound() {
        throw CompiledQuery.Unbound.INSTANCE;
    }

    /** json_build_object over the row {@code alias} of {@code table}. */
    private Optional<String> object(Catalog.Table table, String alias, List<ExecutableNormalizedField> selection) {
        if (selection.stream().anyMatch(f -> !f.getObjectTypeNames().equals(Set.of(table.type())))) {
            return Optional.empty();
        }
        return object(selection, field -> value(table, alias, field));
    }

    private interface FieldSql {
        Optional<String> apply(ExecutableNormalizedField field);
    }

    private Optional<String> object(List<ExecutableNormalizedField> selection, FieldSql fieldSql) {
        if (selection.isEmpty() || selection.size() > MAX_FIELDS_PER_OBJECT) {
            return Optional.empty();
        }
        StringJoiner pairs = new StringJoiner(", ", "json_build_object(", ")");
        for (ExecutableNormalizedField field : selection) {
            Optional<String> sql = fieldSql.apply(field);
            if (sql.isEmpty()) {
                if (refused == null) {
                    refused = field.printDetails();
                }
                return Optional.empty();
            }
            pairs.add(quoted(field.getResultKey()) + ", " + sql.get());
        }
        return Optional.of(pairs.toString());
    }

    private Optional<String> value(Catalog.Table table, String alias, ExecutableNormalizedField field) {
        String name = field.getFieldName();
        if (name.equals("__typename")) {
            return Optional.of(quoted(table.type()));
        }
        if (!field.getAstArguments().isEmpty() && !(table.field(name).orElse(null) instanceof Catalog.Connection)) {
            return Optional.empty();
        }
        return table.field(name).flatMap(definition -> switch (definition) {
            case Catalog.GlobalIdOf ignored -> Optional.of(globalId(table.type(), alias));
            case Catalog.Column column -> column(table, alias, column, name);
            case Catalog.MoneyOf money -> object(field.getChildren(), part -> switch (part.getFieldName()) {
                case "amount" -> Optional.of("(" + money.amount().replace("{t}", alias) + ")::numeric(20, 2)::text");
                case "currency" -> Optional.of(money.currency().replace("{t}", alias));
                case "__typename" -> Optional.of(typename(part));
                default -> Optional.<String>empty();
            });
            case Catalog.One one -> related(one.type(), field, (target, child, object) -> "(select " + object
                    + " from " + target.table() + " " + child + " where " + child + ".id = " + alias + "."
                    + one.foreignKey() + " and " + scope(target, child) + ")");
            case Catalog.Many many -> related(many.type(), field, (target, child, object) -> "coalesce((select"
                    + " json_agg(" + object + " order by " + many.orderBy().replace("{t}", child) + ") from "
                    + target.table() + " " + child + joined(many, child, alias) + " and " + scope(target, child) + "), '[]')");
            case Catalog.Connection connection -> connection(field, connection.listing(), alias, connection.parentKey());
        });
    }

    /** The join of a to-many list's rows ({@code child}) to their parent row ({@code parent}), up to its where clause. */
    private String joined(Catalog.Many many, String child, String parent) {
        String condition = many.condition() == null ? "" : " and " + many.condition().replace("{t}", child);
        if (many.link() == null) {
            return " where " + child + "." + many.parentKey() + " = " + parent + ".id" + condition;
        }
        String link = alias();
        return " join " + many.link().table() + " " + link + " on " + link + "." + many.link().childColumn() + " = " + child
                + ".id where " + link + "." + many.link().parentColumn() + " = " + parent + "." + many.link().parentRowColumn()
                + condition;
    }

    private Optional<String> column(Catalog.Table table, String alias, Catalog.Column column, String name) {
        GraphQLObjectType type = schema.getObjectType(table.type());
        GraphQLFieldDefinition definition = type == null ? null : type.getFieldDefinition(name);
        if (definition == null) {
            return Optional.empty();
        }
        GraphQLNamedType fieldType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
        String value = column.sql().replace("{t}", alias);
        return switch (fieldType.getName()) {
            case "String", "Int", "Boolean" -> Optional.of(value);
            // DateTime as the engine writes an OffsetDateTime read from timestamptz: UTC, fraction without trailing zeros.
            case "DateTime" -> Optional.of("(rtrim(rtrim(to_char(" + value + " at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.') || 'Z')");
            case "Date" -> Optional.of("to_char(" + value + ", 'YYYY-MM-DD')");
            default -> fieldType instanceof GraphQLEnumType ? Optional.of(value) : Optional.empty();
        };
    }

    private interface RelatedSql {
        /** The SQL reading {@code object}, the JSON of a related row of {@code target} aliased {@code child}. */
        String read(Catalog.Table target, String child, String object);
    }

    private Optional<String> related(String type, ExecutableNormalizedField field, RelatedSql sql) {
        Catalog.Table target = catalog.table(type).orElseThrow();
        String child = alias();
        return object(target, child, field.getChildren()).map(object -> sql.read(target, child, object));
    }

    /** {@code __typename} of an object without a table (connections, edges, page info, money). */
    private static String typename(ExecutableNormalizedField typenameField) {
        return quoted(typenameField.getSingleObjectTypeName());
    }

    /**
     * A connection of {@code listing} rows, at the root ({@code parent} null) or the rows of the
     * {@code parent} row by {@code parentKey}: the page under the filter, ordering and cursor is
     * fetched with one extra row (there is more) and numbered in walking order; a backward page
     * walks the reversed order and is shown flipped back, as {@link dev.supportgraph.graph.Keyset} does.
     */
    private Optional<String> connection(ExecutableNormalizedField field, Catalog.Listing listing, String parent,
                                        String parentKey) {
        Catalog.Table table = catalog.table(listing.type()).orElseThrow();
        Map<String, Value<?>> arguments = new HashMap<>();
        for (Argument argument : field.getAstArguments()) {
            arguments.put(argument.getName(), argument.getValue());
        }
        boolean backward = arguments.containsKey("last") || arguments.containsKey("before");
        if (backward && (arguments.containsKey("first") || arguments.containsKey("after"))) {
            return Optional.empty();
        }
        String ordering = listing.defaultOrdering();
        boolean descending = listing.defaultDescending();
        Object orderBy = arguments.containsKey(ORDER_BY) ? planned(arguments.get(ORDER_BY)) : null;
        if (orderBy != null) {
            if (!(orderBy instanceof JsonObject order) || !(order.getValue("field") instanceof String chosen)
                    || !(order.getValue("direction") instanceof String direction)) {
                return Optional.empty();
            }
            ordering = chosen;
            descending = "DESC".equals(direction);
        }
        Catalog.Sort sort = listing.orderings().get(ordering);
        if (sort == null) {
            return Optional.empty();
        }
        Function<JsonObject, Object> sizeValue = source(arguments.getOrDefault(backward ? "last" : "first",
                NullValue.of()));
        Function<JsonObject, Object> cursorValue = source(arguments.getOrDefault(backward ? "before" : "after",
                NullValue.of()));
        String size = parameter(variables -> {
            Object requested = sizeValue.apply(variables);
            // PageRequest walks backward only when last or before has a value.
            if (backward && requested == null && cursorValue.apply(variables) == null) {
                return unbound();
            }
            if (requested == null) {
                return defaultPageSize;
            }
            return requested instanceof Integer n && n >= 1 && n <= maxPageSize ? n : unbound();
        }) + "::int";
        String orderingName = ordering;
        Catalog.SortValue kind = sort.value();
        String fromCursor = parameter(variables -> cursorValue.apply(variables) != null) + "::boolean";
        String cursorSortValue = parameter(variables -> cursorValue.apply(variables) instanceof String raw
                ? cursorValue(raw, orderingName, kind) : null) + sqlType(kind);
        String cursorId = parameter(variables -> cursorValue.apply(variables) instanceof String raw
                ? decodeCursor(raw, orderingName).id() : null) + "::bigint";
        String where = conditions(field, listing, arguments.get("filter")) + scope(table, "{t}")
                + (parent == null ? "" : " and {t}." + parentKey + " = " + parent + ".id");
        boolean ascending = descending == backward;
        String walk = ascending ? " asc" : " desc";
        String row = alias();
        String order = sort.expression().replace("{t}", row) + walk + ", " + row + ".id" + walk;
        String seek = "(" + fromCursor + " is not true or (" + sort.expression().replace("{t}", row) + ", " + row
                + ".id) " + (ascending ? ">" : "<") + " (" + cursorSortValue + ", " + cursorId + "))";
        String page = alias();
        String from = " from (select " + row + ".*, row_number() over (order by " + order + ") as rn from (select * from "
                + table.table() + " " + row + " where " + where.replace("{t}", row) + " and " + seek + " order by "
                + order + " limit " + size + " + 1) " + row + ") " + page;
        String cursor = cursor(ordering, sort, page);
        String shown = " order by " + page + ".rn" + (backward ? " desc" : " asc");
        String reversed = " order by " + page + ".rn" + (backward ? " asc" : " desc");
        String onPage = " filter (where " + page + ".rn <= " + size + ")";
        String more = "coalesce(bool_or(" + page + ".rn > " + size + "), false)";
        // Staff-only rows: a portal user gets an empty page without neighbours (ScopedReads' Page.empty()).
        String before = "(coalesce(" + fromCursor + ", false)" + (table.staffOnly() ? " and $1::bigint is null)" : ")");
        return object(field.getChildren(), part -> switch (part.getFieldName()) {
            case "__typename" -> Optional.of(typename(part));
            case "totalCount" -> {
                String counted = alias();
                yield Optional.of("(select count(*) from " + table.table() + " " + counted + " where "
                        + where.replace("{t}", counted) + ")");
            }
            case "edges" -> object(part.getChildren(), edgeField -> switch (edgeField.getFieldName()) {
                case "__typename" -> Optional.of(typename(edgeField));
                case "cursor" -> Optional.of(cursor);
                case "node" -> object(table, page, edgeField.getChildren());
                default -> Optional.<String>empty();
            }).map(edges -> "coalesce(json_agg(" + edges + shown + ")" + onPage + ", '[]')");
            case "pageInfo" -> object(part.getChildren(), info -> switch (info.getFieldName()) {
                case "__typename" -> Optional.of(typename(info));
                case "hasNextPage" -> Optional.of(backward ? before : more);
                case "hasPreviousPage" -> Optional.of(backward ? more : before);
                case "startCursor" -> Optional.of("(array_agg(" + cursor + shown + ")" + onPage + ")[1]");
                case "endCursor" -> Optional.of("(array_agg(" + cursor + reversed + ")" + onPage + ")[1]");
                default -> Optional.<String>empty();
            });
            default -> Optional.<String>empty();
            // One row even when the page is empty and nothing aggregates (only totalCount selected).
        }).map(object -> "(select " + object + from + " group by ())");
    }

    private static Cursor decodeCursor(String raw, String ordering) {
        try {
            return Cursor.decode(raw, ordering);
        } catch (ApiException e) {
            return unbound();
        }
    }

    /** The cursor's value as a parameter of the ordering's type ({@link dev.supportgraph.graph.SortKey#parse}). */
    private static Object cursorValue(String raw, String ordering, Catalog.SortValue kind) {
        String value = decodeCursor(raw, ordering).value();
        try {
            return switch (kind) {
                case TIMESTAMP -> OffsetDateTime.parse(value);
                case DATE -> LocalDate.parse(value);
                case INTEGER -> Integer.valueOf(value);
                case TEXT -> value;
            };
        } catch (RuntimeException e) {
            return unbound();
        }
    }

    private static String sqlType(Catalog.SortValue kind) {
        return switch (kind) {
            case TIMESTAMP -> "::timestamptz";
            case DATE -> "::date";
            case INTEGER -> "::int";
            case TEXT -> "::text";
        };
    }

    /**
     * The filter's conditions on {@code {t}}, each with its bind parameter, each holding when its
     * value is null or absent ({@link Where}'s rules); ends with " and ".
     */
    private String conditions(ExecutableNormalizedField field, Catalog.Listing listing, Value<?> filter) {
        GraphQLFieldDefinition definition = schema.getObjectType(field.getSingleObjectTypeName())
                .getFieldDefinition(field.getFieldName());
        if ((listing.filters().isEmpty() && listing.engineFilters().isEmpty()) || definition.getArgument("filter") == null) {
            return "";
        }
        var input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(definition.getArgument("filter").getType());
        Function<JsonObject, Object> whole = filter instanceof VariableReference ? source(filter) : null;
        // The fields of a literal filter, each a literal or a variable (filter: null is no condition).
        Map<String, Function<JsonObject, Object>> fields = new HashMap<>();
        if (filter instanceof ObjectValue object) {
            object.getObjectFields().forEach(f -> fields.put(f.getName(), source(f.getValue())));
        }
        Set<String> known = listing.filters().stream().map(Catalog.Filter::field).collect(Collectors.toSet());
        known.addAll(listing.engineFilters());
        StringBuilder conditions = new StringBuilder();
        for (String name : listing.engineFilters()) {
            // Always null in SQL: a request that sets this field is the engine's.
            Function<JsonObject, Object> value = whole == null ? fields.getOrDefault(name, variables -> null)
                    : variables -> filterField(whole.apply(variables), known, name);
            String n = parameter(variables -> value.apply(variables) == null ? null : unbound());
            conditions.append("(").append(n).append("::text is null) and ");
        }
        for (Catalog.Filter condition : listing.filters()) {
            String name = condition.field();
            Function<JsonObject, Object> value = whole == null ? fields.getOrDefault(name, variables -> null)
                    : variables -> filterField(whole.apply(variables), known, name);
            conditions.append(switch (condition) {
                case Catalog.AnyOf anyOf -> {
                    GraphQLNamedType element = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(input.getField(name).getType());
                    Set<String> allowed = element instanceof GraphQLEnumType enumType ? enumType.getValues().stream()
                            .map(GraphQLEnumValueDefinition::getName).collect(Collectors.toSet()) : null;
                    String array = anyOf.integers() ? "::int[]" : "::text[]";
                    String n = parameter(variables -> anyOf.integers() ? integers(value.apply(variables))
                            : names(value.apply(variables), allowed));
                    yield "(coalesce(cardinality(" + n + array + "), 0) = 0 or {t}." + anyOf.column() + " = any(" + n
                            + array + "))";
                }
                case Catalog.AtOrAfter from -> {
                    String n = time(value, from.value());
                    yield "(" + n + " is null or {t}." + from.column() + " >= " + n + ")";
                }
                case Catalog.Before to -> {
                    String n = time(value, to.value());
                    yield "(" + n + " is null or {t}." + to.column() + " < " + n + ")";
                }
                case Catalog.IdIs id -> {
                    String n = parameter(variables -> text(value.apply(variables), text -> decode(id.type(), text)));
                    yield "(" + n + "::bigint is null or {t}." + id.column() + " = " + n + "::bigint)";
                }
                case Catalog.Search search -> {
                    String n = parameter(variables -> text(value.apply(variables), Where::likePattern));
                    yield "(" + n + "::text is null or " + search.columns().stream()
                            .map(column -> "lower({t}." + column + ") like " + n + "::text escape '\\'")
                            .collect(Collectors.joining(" or ")) + ")";
                }
            }).append(" and ");
        }
        return conditions.toString();
    }

    /** A field of a filter passed whole as a variable; an unknown field is the engine's to refuse. */
    private static Object filterField(Object filter, Set<String> known, String name) {
        if (filter == null) {
            return null;
        }
        if (!(filter instanceof JsonObject fields) || !known.containsAll(fields.fieldNames())) {
            return unbound();
        }
        return fields.getValue(name);
    }

    /**
     * An enum ({@code allowed} its values) or text list as text[]: one value stands for a list of
     * it (GraphQL's input coercion).
     */
    private static String[] names(Object value, Set<String> allowed) {
        List<?> values = list(value);
        if (values == null) {
            return null;
        }
        String[] names = new String[values.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = values.get(i) instanceof String name && (allowed == null || allowed.contains(name)) ? name
                    : unbound();
        }
        return names;
    }

    /** An Int list as int[]. */
    private static Integer[] integers(Object value) {
        List<?> values = list(value);
        if (values == null) {
            return null;
        }
        Integer[] integers = new Integer[values.size()];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = values.get(i) instanceof Integer n ? n : unbound();
        }
        return integers;
    }

    private static List<?> list(Object value) {
        return value == null ? null : value instanceof JsonArray array ? array.getList()
                : value instanceof String || value instanceof Integer ? List.of(value) : unbound();
    }

    /** A DateTime or Date argument as a parameter of its type; its placeholder. */
    private String time(Function<JsonObject, Object> value, Catalog.SortValue kind) {
        return parameter(variables -> text(value.apply(variables), time -> {
            try {
                return kind == Catalog.SortValue.DATE ? LocalDate.parse(time) : OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                return unbound();
            }
        })) + sqlType(kind);
    }

    /** A text argument converted for its parameter; null stays null, anything but text is the engine's to refuse. */
    private static Object text(Object raw, Function<String, Object> convert) {
        return raw == null ? null : raw instanceof String text ? convert.apply(text) : unbound();
    }

    /**
     * {@link Cursor#encode} in SQL for the row {@code alias}: ordering, the value as Java prints it
     * ({@code OffsetDateTime.toString()} for times, {@code LocalDate.toString()} for dates), id.
     */
    private static String cursor(String ordering, Catalog.Sort sort, String alias) {
        String value = sort.expression().replace("{t}", alias);
        String printed = switch (sort.value()) {
            case TEXT -> value;
            case INTEGER -> "(" + value + ")::text";
            case DATE -> "to_char(" + value + ", 'YYYY-MM-DD')";
            case TIMESTAMP -> {
                String utc = "(" + value + " at time zone 'UTC')";
                String micros = "extract(microseconds from " + utc + ")::bigint";
                yield "(to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI') || case when " + micros + " = 0 then ''"
                        + " else ':' || to_char(" + utc + ", 'SS') || case when " + micros + " % 1000000 = 0 then ''"
                        + " when " + micros + " % 1000 = 0 then '.' || lpad((" + micros + " % 1000000 / 1000)::text, 3, '0')"
                        + " else '.' || lpad((" + micros + " % 1000000)::text, 6, '0') end end || 'Z')";
            }
        };
        return base64url(quoted(ordering) + " || chr(31) || " + printed + " || chr(31) || " + alias + ".id");
    }

    /** base64url without padding of a text expression (PostgreSQL's base64 breaks lines every 76 characters). */
    private static String base64url(String text) {
        return "rtrim(translate(replace(encode(convert_to(" + text + ", 'UTF8'), 'base64'), chr(10), ''), '+/', '-_'), '=')";
    }

    /**
     * $1 is the caller's customer scope, null for staff (who see every customer's rows); staff-only
     * rows are never visible to portal users.
     */
    private static String scope(Catalog.Table table, String alias) {
        if (table.staffOnly()) {
            return "$1::bigint is null";
        }
        List<String> seen = new ArrayList<>();
        if (table.scopeColumn() != null) {
            seen.add(alias + "." + table.scopeColumn() + " = $1::bigint");
        }
        if (table.customerCondition() != null) {
            seen.add(table.customerCondition().replace("{t}", alias));
        }
        return "($1::bigint is null or (" + String.join(" and ", seen) + "))";
    }

    /** {@link GlobalId#encode} in SQL. */
    private static String globalId(String type, String alias) {
        return base64url(quoted(type + ":") + " || " + alias + ".id");
    }

    /** A SQL string literal; GraphQL names and aliases hold no quotes, but escape anyway. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String alias() {
        return "t" + aliases++;
    }
}
