package dev.supportgraph.graph.compiled;

import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.GlobalId;
import graphql.execution.RawVariables;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Compiles a query document into one SQL statement that builds the whole {@code data} object as
 * JSON inside PostgreSQL, the way PostGraphile does: one round trip whatever the depth, no
 * per-field execution. It only compiles what {@link SqlCatalog} describes (by-id roots, columns,
 * to-one and to-many relations, first pages of connections) and gives up on anything else: other
 * fields or arguments, directives, cursors, page info, fragments on abstract types. A document it
 * gives up on stays on the GraphQL engine, which is always right.
 */
final class QueryCompiler {

    /** PostgreSQL functions take at most 100 arguments: json_build_object gets 50 fields. */
    private static final int MAX_FIELDS_PER_OBJECT = 50;

    private final GraphQLSchema schema;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final List<CompiledQuery.IdParameter> parameters = new ArrayList<>();
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
            return compiler.root(operation.getTopLevelFields())
                    .map(sql -> new CompiledQuery("select " + sql + "::text", List.copyOf(compiler.parameters)));
        } catch (RuntimeException e) {
            // A document the engine accepted but the normalizer cannot handle: leave it to the engine.
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
                return Optional.of(literal(schema.getQueryType().getName()));
            }
            String type = SqlCatalog.BY_ID.get(field.getFieldName());
            if (type == null || field.getAstArguments().size() != 1) {
                return Optional.empty();
            }
            return idParameter(type, field.getAstArguments().getFirst()).flatMap(parameter -> {
                SqlCatalog.Table table = SqlCatalog.table(type).orElseThrow();
                String alias = alias();
                return object(table, alias, field.getChildren()).map(object -> "(select " + object + " from "
                        + table.table() + " " + alias + " where " + alias + ".id = " + parameter + " and "
                        + scope(table, alias) + ")");
            });
        });
    }

    /** The id argument as a bind parameter ({@code $n}); a literal that is no id of {@code type} is not compiled. */
    private Optional<String> idParameter(String type, Argument argument) {
        if (!argument.getName().equals("id")) {
            return Optional.empty();
        }
        CompiledQuery.IdParameter parameter;
        if (argument.getValue() instanceof VariableReference variable) {
            parameter = new CompiledQuery.IdParameter(type, variable.getName(), null);
        } else if (argument.getValue() instanceof StringValue literal) {
            try {
                parameter = new CompiledQuery.IdParameter(type, null, GlobalId.decode(type, literal.getValue()));
            } catch (ApiException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        parameters.add(parameter);
        // $1 is the caller's customer scope.
        return Optional.of("$" + (parameters.size() + 1));
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
            pairs.add(literal(field.getResultKey()) + ", " + sql.get());
        }
        return Optional.of(pairs.toString());
    }

    private Optional<String> value(SqlCatalog.Table table, String alias, ExecutableNormalizedField field) {
        String name = field.getFieldName();
        if (name.equals("__typename")) {
            return Optional.of(literal(table.type()));
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
            if (!argument.getName().equals("first") || !(argument.getValue() instanceof IntValue first)
                    || first.getValue().intValue() < 1 || first.getValue().intValue() > maxPageSize) {
                return Optional.empty();
            }
            size = first.getValue().intValue();
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
        return literal(typenameField.getSingleObjectTypeName());
    }

    /** $1 is the caller's customer scope, null for staff (who see every customer's rows). */
    private static String scope(SqlCatalog.Table table, String alias) {
        return "($1::bigint is null or " + alias + "." + table.scopeColumn() + " = $1)";
    }

    /** {@link GlobalId#encode} in SQL: base64url of {@code Type:id} without padding. */
    private static String globalId(String type, String alias) {
        return "rtrim(translate(encode(convert_to('" + type + ":' || " + alias + ".id, 'UTF8'), 'base64'), '+/', '-_'), '=')";
    }

    /** A SQL string literal; GraphQL names and aliases hold no quotes, but escape anyway. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String alias() {
        return "t" + aliases++;
    }
}
