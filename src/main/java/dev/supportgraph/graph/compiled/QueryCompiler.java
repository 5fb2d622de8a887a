package dev.supportgraph.graph.compiled;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.GlobalId;
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
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles a query document into one SQL statement that builds the whole {@code data} object as
 * JSON inside PostgreSQL, the way PostGraphile does: one round trip whatever the depth, no
 * per-field execution. It only compiles what {@link SqlCatalog} describes (by-id roots, listed
 * connections with filters and orderings, columns, to-one and to-many relations, first pages of
 * nested connections) and gives up on anything else: other fields or arguments, directives,
 * {@code after}/{@code before}/{@code last}, fragments on abstract types. A document it gives up on
 * stays on the GraphQL engine, which is always right.
 */
final class QueryCompiler {

    /** PostgreSQL functions take at most 100 arguments: json_build_object gets 50 fields. */
    private static final int MAX_FIELDS_PER_OBJECT = 50;

    private final GraphQLSchema schema;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final List<CompiledQuery.Parameter> parameters = new ArrayList<>();
    /** Common table expressions of the statement (one page per listed connection). */
    private final List<String> ctes = new ArrayList<>();
    private int aliases;

    private QueryCompiler(GraphQLSchema schema, int defaultPageSize, int maxPageSize) {
        this.schema = schema;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /** The document's single query as SQL, or empty when some part of it is not compilable. */
    /** @param variables the values of the request the engine answered (the plan binds its own per request) */
    static Optional<CompiledQuery> compile(GraphQLSchema schema, Document document, Map<String, Object> variables,
                                           int defaultPageSize, int maxPageSize) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.QUERY
                || hasDirectives(document)) {
            return Optional.empty();
        }
        try {
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                    .createExecutableNormalizedOperationWithRawVariables(schema, document, null, RawVariables.of(variables));
            QueryCompiler compiler = new QueryCompiler(schema, defaultPageSize, maxPageSize);
            return compiler.root(operation.getTopLevelFields()).map(sql -> new CompiledQuery(
                    operations.getFirst().getName(), (compiler.ctes.isEmpty() ? "" : "with " + String.join(", ", compiler.ctes) + " ")
                            + "select " + sql + "::text", List.copyOf(compiler.parameters)));
        } catch (RuntimeException e) {
            // A document the engine accepted but this compiler or the normalizer cannot handle
            // (e.g. a variable inside a list literal): leave it to the engine.
            return Optional.empty();
        }
    }

    /** Variables in @skip/@include would make the selection depend on the request. */
    private static boolean hasDirectives(Document document) {
        boolean[] found = {false};
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                found[0] = true;
                return TraversalControl.QUIT;
            }
        }, document);
        return found[0];
    }

    private Optional<String> root(List<ExecutableNormalizedField> fields) {
        return object(fields, field -> {
            if (field.getFieldName().equals("__typename")) {
                return Optional.of(quoted(schema.getQueryType().getName()));
            }
            SqlCatalog.Listing listing = SqlCatalog.LISTINGS.get(field.getFieldName());
            if (listing != null) {
                return listing(field, listing);
            }
            String type = SqlCatalog.BY_ID.get(field.getFieldName());
            if (type == null || field.getAstArguments().size() != 1
                    || !field.getAstArguments().getFirst().getName().equals("id")) {
                return Optional.empty();
            }
            Function<JsonObject, Object> id = source(field.getAstArguments().getFirst().getValue());
            String parameter = parameter(variables -> id.apply(variables) instanceof String value
                    ? decode(type, value) : unbound());
            SqlCatalog.Table table = SqlCatalog.table(type).orElseThrow();
            String alias = alias();
            return object(table, alias, field.getChildren()).map(object -> "(select " + object + " from "
                    + table.table() + " " + alias + " where " + alias + ".id = " + parameter + " and "
                    + scope(table, alias) + ")");
        });
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
            return variables -> variables != null && variables.containsKey(name) ? variables.getValue(name) : unbound();
        }
        Object literal = jsonOf(value);
        return variables -> literal;
    }

    /** A literal as JSON would carry it; a variable inside a literal is not compiled. */
    private static Object jsonOf(Value<?> value) {
        return switch (value) {
            case StringValue string -> string.getValue();
            case EnumValue enumValue -> enumValue.getName();
            case IntValue integer -> integer.getValue().intValue();
            case BooleanValue bool -> bool.isValue();
            case NullValue ignored -> null;
            case ArrayValue array -> new JsonArray(array.getValues().stream().map(QueryCompiler::jsonOf).toList());
            case ObjectValue object -> {
                JsonObject json = new JsonObject();
                object.getObjectFields().forEach(f -> json.put(f.getName(), jsonOf(f.getValue())));
                yield json;
            }
            default -> throw new IllegalArgumentException("Not compiled: " + value);
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

    /**
     * json_build_object over the row {@code alias} of {@code table}. A connection selected twice
     * (aliases) is left to the engine: SmallRye batches all aliases of a field with the first one's
     * arguments, and a compiled answer must never differ from the engine's.
     */
    private Optional<String> object(SqlCatalog.Table table, String alias, List<ExecutableNormalizedField> selection) {
        List<String> connections = selection.stream().map(ExecutableNormalizedField::getFieldName)
                .filter(name -> table.field(name).orElse(null) instanceof SqlCatalog.Connection).toList();
        if (connections.size() != new HashSet<>(connections).size()) {
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
                return Optional.empty();
            }
            pairs.add(quoted(field.getResultKey()) + ", " + sql.get());
        }
        return Optional.of(pairs.toString());
    }

    private Optional<String> value(SqlCatalog.Table table, String alias, ExecutableNormalizedField field) {
        String name = field.getFieldName();
        if (name.equals("__typename")) {
            return Optional.of(quoted(table.type()));
        }
        if (name.equals("id")) {
            return Optional.of(globalId(table.type(), alias));
        }
        if (!field.getAstArguments().isEmpty() && !(table.field(name).orElse(null) instanceof SqlCatalog.Connection)) {
            return Optional.empty();
        }
        return table.field(name).flatMap(definition -> switch (definition) {
            case SqlCatalog.Column column -> column(table, alias, column, name);
            case SqlCatalog.MoneyOf money -> object(field.getChildren(), part -> switch (part.getFieldName()) {
                case "amount" -> Optional.of("(" + alias + "." + money.amountColumn()
                        + (money.multiplierColumn() == null ? "" : " * " + alias + "." + money.multiplierColumn())
                        + ")::numeric(20, 2)::text");
                case "currency" -> Optional.of(alias + "." + money.currencyColumn());
                case "__typename" -> Optional.of(typename(part));
                default -> Optional.<String>empty();
            });
            case SqlCatalog.One one -> related(one.type(), field, (target, child, object) -> "(select " + object
                    + " from " + target.table() + " " + child + " where " + child + ".id = " + alias + "."
                    + one.foreignKey() + " and " + scope(target, child) + ")");
            case SqlCatalog.Many many -> related(many.type(), field, (target, child, object) -> "coalesce((select"
                    + " json_agg(" + object + " order by " + child + "." + many.orderBy() + ", " + child + ".id) from "
                    + target.table() + " " + child + " where " + child + "." + many.parentKey() + " = " + alias
                    + ".id and " + scope(target, child) + "), '[]')");
            case SqlCatalog.Connection connection -> connection(alias, connection, field);
        });
    }

    private Optional<String> column(SqlCatalog.Table table, String alias, SqlCatalog.Column column, String name) {
        GraphQLObjectType type = schema.getObjectType(table.type());
        var definition = type == null ? null : type.getFieldDefinition(name);
        if (definition == null) {
            return Optional.empty();
        }
        var fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
        String value = alias + "." + column.column();
        return switch (fieldType.getName()) {
            case "String", "Int", "Boolean" -> Optional.of(value);
            // DateTime as the engine writes an OffsetDateTime read from timestamptz: UTC, fraction without trailing zeros.
            case "DateTime" -> Optional.of("(rtrim(rtrim(to_char(" + value + " at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.') || 'Z')");
            default -> fieldType instanceof GraphQLEnumType ? Optional.of(value) : Optional.empty();
        };
    }

    private interface RelatedSql {
        /** The SQL reading {@code object}, the JSON of a related row of {@code target} aliased {@code child}. */
        String read(SqlCatalog.Table target, String child, String object);
    }

    private Optional<String> related(String type, ExecutableNormalizedField field, RelatedSql sql) {
        SqlCatalog.Table target = SqlCatalog.table(type).orElseThrow();
        String child = alias();
        return object(target, child, field.getChildren()).map(object -> sql.read(target, child, object));
    }

    /** {@code first} (a literal) alone, selecting only edges { node }: one subquery with a limit. */
    private Optional<String> connection(String alias, SqlCatalog.Connection connection, ExecutableNormalizedField field) {
        int size = defaultPageSize;
        for (Argument argument : field.getAstArguments()) {
            OptionalInt first = argument.getName().equals("first") ? pageSize(argument) : OptionalInt.empty();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            size = first.getAsInt();
        }
        SqlCatalog.Table target = SqlCatalog.table(connection.type()).orElseThrow();
        String child = alias();
        String page = "(select * from " + target.table() + " " + child + " where " + child + "." + connection.parentKey()
                + " = " + alias + ".id and " + scope(target, child) + " order by " + child + "." + connection.sortColumn()
                + ", " + child + ".id limit " + size + ") " + child;
        return object(field.getChildren(), part -> switch (part.getFieldName()) {
            case "__typename" -> Optional.of(typename(part));
            case "edges" -> object(part.getChildren(), edge -> switch (edge.getFieldName()) {
                case "__typename" -> Optional.of(typename(edge));
                case "node" -> object(target, child, edge.getChildren());
                default -> Optional.<String>empty();
            }).map(edge -> "coalesce((select json_agg(" + edge + " order by " + child + "." + connection.sortColumn()
                    + ", " + child + ".id) from " + page + "), '[]')");
            default -> Optional.<String>empty();
        });
    }

    /** {@code __typename} of an object the catalog has no table for (connections, edges, money). */
    private static String typename(ExecutableNormalizedField typenameField) {
        return quoted(typenameField.getSingleObjectTypeName());
    }

    /**
     * A Query field listing a type as a connection ({@link SqlCatalog.Listing}): the first page
     * (literal {@code first}, no cursor) under the filter and a literal orderBy, with totalCount,
     * edges with cursors, and pageInfo. The page is one common table expression of size + 1 rows
     * (the extra row tells whether there is a next page), numbered in display order.
     */
    private Optional<String> listing(ExecutableNormalizedField field, SqlCatalog.Listing listing) {
        SqlCatalog.Table table = SqlCatalog.table(listing.type()).orElseThrow();
        int size = defaultPageSize;
        String ordering = listing.defaultOrdering();
        boolean descending = listing.defaultDescending();
        Value<?> filter = null;
        for (Argument argument : field.getAstArguments()) {
            switch (argument.getName()) {
                case "first" -> {
                    OptionalInt first = pageSize(argument);
                    if (first.isEmpty()) {
                        return Optional.empty();
                    }
                    size = first.getAsInt();
                }
                case "filter" -> filter = argument.getValue();
                case "orderBy" -> {
                    if (!(jsonOf(argument.getValue()) instanceof JsonObject orderBy)) {
                        return Optional.empty();
                    }
                    ordering = orderBy.getString("field");
                    descending = "DESC".equals(orderBy.getString("direction"));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        SqlCatalog.Sort sort = listing.orderings().get(ordering);
        if (sort == null) {
            return Optional.empty();
        }
        String where = conditions(field, listing, filter) + scope(table, "{t}");
        String direction = descending ? " desc" : " asc";
        String page = alias();
        String row = alias();
        String order = sort.expression().replace("{t}", row) + direction + ", " + row + ".id" + direction;
        ctes.add(page + " as (select " + row + ".*, row_number() over (order by " + order + ") as rn from (select * from "
                + table.table() + " " + row + " where " + where.replace("{t}", row) + " order by " + order + " limit "
                + (size + 1) + ") " + row + ")");
        String edge = alias();
        String cursor = cursor(ordering, sort, edge);
        int pageSize = size;
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
                case "node" -> object(table, edge, edgeField.getChildren());
                default -> Optional.<String>empty();
            }).map(edges -> "coalesce((select json_agg(" + edges + " order by " + edge + ".rn) from " + page + " "
                    + edge + " where " + edge + ".rn <= " + pageSize + "), '[]')");
            case "pageInfo" -> object(part.getChildren(), info -> switch (info.getFieldName()) {
                case "__typename" -> Optional.of(typename(info));
                case "hasNextPage" -> Optional.of("exists (select 1 from " + page + " where rn > " + pageSize + ")");
                case "hasPreviousPage" -> Optional.of("false");
                case "startCursor" -> Optional.of("(select " + cursor + " from " + page + " " + edge + " where " + edge
                        + ".rn = 1)");
                case "endCursor" -> Optional.of("(select " + cursor + " from " + page + " " + edge + " where " + edge
                        + ".rn <= " + pageSize + " order by " + edge + ".rn desc limit 1)");
                default -> Optional.<String>empty();
            });
            default -> Optional.<String>empty();
        });
    }

    /** A literal {@code first} within the page size limits. */
    private OptionalInt pageSize(Argument argument) {
        return argument.getValue() instanceof IntValue first && first.getValue().intValue() >= 1
                && first.getValue().intValue() <= maxPageSize ? OptionalInt.of(first.getValue().intValue()) : OptionalInt.empty();
    }

    /**
     * The filter's conditions on {@code {t}}, each with its bind parameter, each holding when its
     * value is null or absent ({@link dev.supportgraph.graph.Where}'s rules); ends with " and ".
     */
    private String conditions(ExecutableNormalizedField field, SqlCatalog.Listing listing, Value<?> filter) {
        var input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(schema.getQueryType()
                .getFieldDefinition(field.getFieldName()).getArgument("filter").getType());
        Function<JsonObject, Object> whole = filter instanceof VariableReference ? source(filter) : null;
        // The fields of a literal filter, each a literal or a variable (filter: null is no condition).
        Map<String, Function<JsonObject, Object>> fields = new HashMap<>();
        if (filter instanceof ObjectValue object) {
            object.getObjectFields().forEach(f -> fields.put(f.getName(), source(f.getValue())));
        }
        StringBuilder conditions = new StringBuilder();
        listing.filters().forEach((name, condition) -> {
            Function<JsonObject, Object> value = whole == null ? fields.getOrDefault(name, variables -> null)
                    : variables -> filterField(whole.apply(variables), listing, name);
            conditions.append(switch (condition) {
                case SqlCatalog.AnyOf anyOf -> {
                    Set<String> allowed = ((GraphQLEnumType) GraphQLTypeUtil.unwrapAll(input.getField(name).getType()))
                            .getValues().stream().map(GraphQLEnumValueDefinition::getName).collect(Collectors.toSet());
                    String n = parameter(variables -> names(value.apply(variables), allowed));
                    yield "(coalesce(cardinality(" + n + "::text[]), 0) = 0 or {t}." + anyOf.column() + " = any(" + n
                            + "::text[]))";
                }
                case SqlCatalog.AtOrAfter from -> {
                    String n = time(value);
                    yield "(" + n + " is null or {t}." + from.column() + " >= " + n + ")";
                }
                case SqlCatalog.Before to -> {
                    String n = time(value);
                    yield "(" + n + " is null or {t}." + to.column() + " < " + n + ")";
                }
                case SqlCatalog.CustomerIs customer -> {
                    String n = parameter(variables -> text(value.apply(variables), id -> decode(CustomerType.TYPE, id)));
                    yield "(" + n + "::bigint is null or {t}." + customer.column() + " = " + n + "::bigint)";
                }
                case SqlCatalog.Search search -> {
                    String n = parameter(variables -> text(value.apply(variables), Where::likePattern));
                    yield "(" + n + "::text is null or " + search.columns().stream()
                            .map(column -> "lower({t}." + column + ") like " + n + "::text escape '\\'")
                            .collect(Collectors.joining(" or ")) + ")";
                }
            }).append(" and ");
        });
        return conditions.toString();
    }

    /** A field of a filter passed whole as a variable; an unknown field is the engine's to refuse. */
    private static Object filterField(Object filter, SqlCatalog.Listing listing, String name) {
        if (filter == null) {
            return null;
        }
        if (!(filter instanceof JsonObject fields) || !listing.filters().keySet().containsAll(fields.fieldNames())) {
            return unbound();
        }
        return fields.getValue(name);
    }

    /** An enum list as text[]: one value stands for a list of it (GraphQL's input coercion). */
    private static String[] names(Object value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        List<?> values = value instanceof String one ? List.of(one) : value instanceof JsonArray array ? array.getList()
                : unbound();
        String[] names = new String[values.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = values.get(i) instanceof String name && allowed.contains(name) ? name : unbound();
        }
        return names;
    }

    /** A DateTime argument as a timestamptz parameter; its placeholder. */
    private String time(Function<JsonObject, Object> value) {
        return parameter(variables -> text(value.apply(variables), time -> {
            try {
                return OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                return unbound();
            }
        })) + "::timestamptz";
    }

    /** A text argument converted for its parameter; null stays null, anything but text is the engine's to refuse. */
    private static Object text(Object raw, Function<String, Object> convert) {
        return raw == null ? null : raw instanceof String text ? convert.apply(text) : unbound();
    }

    /**
     * {@link dev.supportgraph.graph.Cursor#encode} in SQL for the row {@code alias}: ordering, the
     * value as Java prints it ({@code OffsetDateTime.toString()} for times), id.
     */
    private static String cursor(String ordering, SqlCatalog.Sort sort, String alias) {
        String value = sort.expression().replace("{t}", alias);
        String printed = switch (sort.value()) {
            case TEXT -> value;
            case INTEGER -> "(" + value + ")::text";
            case TIMESTAMP -> {
                String utc = "(" + value + " at time zone 'UTC')";
                String micros = "extract(microseconds from " + utc + ")::bigint";
                yield "(to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI') || case when " + micros + " = 0 then ''"
                        + " else ':' || to_char(" + utc + ", 'SS') || case when " + micros + " % 1000000 = 0 then ''"
                        + " when " + micros + " % 1000 = 0 then '.' || lpad((" + micros + " % 1000000 / 1000)::text, 3, '0')"
                        + " else '.' || lpad((" + micros + " % 1000000)::text, 6, '0') end end || 'Z')";
            }
        };
        return base64url("'" + ordering + "' || chr(31) || " + printed + " || chr(31) || " + alias + ".id");
    }

    /** base64url without padding of a text expression (PostgreSQL's base64 breaks lines every 76 characters). */
    private static String base64url(String text) {
        return "rtrim(translate(replace(encode(convert_to(" + text + ", 'UTF8'), 'base64'), chr(10), ''), '+/', '-_'), '=')";
    }

    /** $1 is the caller's customer scope, null for staff (who see every customer's rows). */
    private static String scope(SqlCatalog.Table table, String alias) {
        return "($1::bigint is null or " + alias + "." + table.scopeColumn() + " = $1)";
    }

    /** {@link GlobalId#encode} in SQL. */
    private static String globalId(String type, String alias) {
        return base64url("'" + type + ":' || " + alias + ".id");
    }

    /** A SQL string literal; GraphQL names and aliases hold no quotes, but escape anyway. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String alias() {
        return "t" + aliases++;
    }
}
