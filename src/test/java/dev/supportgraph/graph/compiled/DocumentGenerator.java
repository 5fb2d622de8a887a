package dev.supportgraph.graph.compiled;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random valid query documents built from the schema: any root field, random selections down to
 * {@link #MAX_DEPTH} object levels, arguments (ids from the seeded data, page sizes, cursors the
 * server issued, filters and orderings from the input types), aliases, variables, named
 * fragments, inline fragments on interfaces, {@code @include}/{@code @skip}. Choices are drawn
 * through jqwik arbitraries from one seeded {@link Random}, so a seed names a document set.
 */
final class DocumentGenerator {

    static final int MAX_DEPTH = 6;

    private static final String CLOCKS = "SlaClock";

    /** What the generator needs to know of the data: ids by type and cursors by (node type, ordering). */
    interface Pools {
        List<String> ids(String type);

        List<String> allIds();

        List<String> cursors(String nodeType, String ordering);

        String defaultOrdering(String nodeType);

        /** Whether the planner answers this field (the generator favours them, so most documents are planned). */
        boolean planned(String type, String field);
    }

    /** A document and its variables. */
    record Generated(String query, Map<String, Object> variables) {
    }

    private static final List<String> TEXTS = List.of("a", "fibre", "PROGRESS %_", "Ann", "INV", "", "-A");
    private static final List<String> TIMES = List.of("2025-01-01T00:00:00Z", "2025-03-03T10:00:00Z",
            "2030-01-01T00:00:00+02:00", "2025-04-01T10:00:00.5Z");
    private static final List<String> DATES = List.of("2025-01-01", "2025-01-31", "2030-12-31");

    private final GraphQLSchema schema;
    private final Pools pools;
    private final Random random;
    private final StringBuilder fragments = new StringBuilder();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> definitions = new ArrayList<>();
    private int names;

    DocumentGenerator(GraphQLSchema schema, Pools pools, Random random) {
        this.schema = schema;
        this.pools = pools;
        this.random = random;
    }

    Generated document() {
        StringBuilder roots = new StringBuilder();
        int count = between(1, 2);
        for (int i = 0; i < count; i++) {
            GraphQLFieldDefinition root = fields("Query", schema.getQueryType().getFieldDefinitions(), 1, 1).getFirst();
            roots.append(field(root, 1)).append(' ');
        }
        String header = definitions.isEmpty() ? "query Generated" : "query Generated(" + String.join(", ", definitions) + ")";
        return new Generated(header + " { " + roots + "}" + fragments, Map.copyOf(variables));
    }

    private String field(GraphQLFieldDefinition field, int depth) {
        StringBuilder text = new StringBuilder();
        if (chance(0.15)) {
            text.append("a").append(names++).append(": ");
        }
        text.append(field.getName());
        int defined = definitions.size();
        String arguments = arguments(field);
        if (arguments == null) {
            // Variables must all be used: drop the ones made for this field.
            while (definitions.size() > defined) {
                variables.remove(definitions.removeLast().substring(1).split(":")[0]);
            }
            return "__typename";
        }
        text.append(arguments);
        if (chance(0.08)) {
            text.append(chance(0.5) ? " @include(if: " : " @skip(if: ").append(booleanValue()).append(")");
        }
        GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
        if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
            text.append(" { ").append(selection(type, depth + 1)).append("}");
        }
        return text.toString();
    }

    private String booleanValue() {
        boolean value = chance(0.5);
        return chance(0.5) ? String.valueOf(value) : variable("Boolean!", value);
    }

    private String selection(GraphQLNamedType type, int depth) {
        StringBuilder text = new StringBuilder();
        if (type instanceof GraphQLInterfaceType abstractType) {
            for (GraphQLFieldDefinition field : fields(abstractType.getName(), abstractType.getFieldDefinitions(), depth, between(0, 2))) {
                text.append(field(field, depth)).append(' ');
            }
            List<GraphQLObjectType> implementations = schema.getImplementations(abstractType);
            int fragmentCount = between(1, 2);
            for (int i = 0; i < fragmentCount; i++) {
                GraphQLObjectType implementation = pick(implementations);
                text.append("... on ").append(implementation.getName()).append(" { ")
                        .append(objectSelection(implementation, depth)).append("} ");
            }
            return text.isEmpty() ? "__typename " : text.toString();
        }
        GraphQLObjectType object = (GraphQLObjectType) type;
        if (chance(0.15)) {
            String name = "F" + names++;
            String body = objectSelection(object, depth);
            fragments.append(" fragment ").append(name).append(" on ").append(object.getName()).append(" { ")
                    .append(body).append("}");
            return "..." + name + " ";
        }
        return objectSelection(object, depth);
    }

    private String objectSelection(GraphQLObjectType type, int depth) {
        StringBuilder text = new StringBuilder();
        List<GraphQLFieldDefinition> chosen = fields(type.getName(), type.getFieldDefinitions(), depth, between(1, 4));
        if (type.getName().endsWith("Connection") && chance(0.7)) {
            chosen = new ArrayList<>(chosen);
            chosen.add(type.getFieldDefinition("edges"));
        }
        for (GraphQLFieldDefinition field : chosen) {
            text.append(field(field, depth)).append(' ');
        }
        if (chance(0.1)) {
            text.append("__typename ");
        }
        return text.isEmpty() ? "__typename " : text.toString();
    }

    /** Distinct random fields; only leaves once the depth is reached. */
    private List<GraphQLFieldDefinition> fields(String owner, List<GraphQLFieldDefinition> all, int depth, int count) {
        List<GraphQLFieldDefinition> candidates = new ArrayList<>(all.stream()
                // SLA clocks tick between the two answers compared (and are the engine's anyway).
                .filter(f -> !CLOCKS.equals(((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(f.getType())).getName()))
                .filter(f -> depth < MAX_DEPTH || GraphQLTypeUtil.unwrapAll(f.getType()) instanceof graphql.schema.GraphQLScalarType
                        || GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLEnumType)
                .toList());
        // Mostly planned fields: one unplanned field anywhere sends the whole document to the engine.
        if (chance(0.95)) {
            List<GraphQLFieldDefinition> planned = candidates.stream()
                    .filter(f -> pools.planned(owner, f.getName())).toList();
            if (!planned.isEmpty()) {
                candidates = new ArrayList<>(planned);
            }
        }
        List<GraphQLFieldDefinition> chosen = new ArrayList<>();
        for (int i = 0; i < count && !candidates.isEmpty(); i++) {
            chosen.add(candidates.remove(between(0, candidates.size() - 1)));
        }
        return chosen;
    }

    /** The arguments' text, or null when a required one cannot be given. */
    private String arguments(GraphQLFieldDefinition field) {
        List<String> given = new ArrayList<>();
        GraphQLNamedType returned = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
        boolean paged = field.getArgument("first") != null;
        String nodeType = paged ? nodeType(returned) : null;
        String ordering = nodeType == null ? null : pools.defaultOrdering(nodeType);
        if (paged) {
            GraphQLArgument orderBy = field.getArgument("orderBy");
            if (orderBy != null && chance(0.4)) {
                GraphQLInputObjectType input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(orderBy.getType());
                GraphQLEnumType fields = (GraphQLEnumType) GraphQLTypeUtil.unwrapAll(input.getField("field").getType());
                ordering = pick(fields.getValues()).getName();
                String direction = chance(0.5) ? "ASC" : "DESC";
                given.add("orderBy: " + (chance(0.5) ? variable(input.getName(), Map.of("field", ordering, "direction", direction))
                        : "{ field: " + ordering + ", direction: " + direction + " }"));
            }
            boolean backward = chance(0.3);
            if (chance(0.9)) {
                int size = between(1, 3);
                given.add((backward ? "last: " : "first: ") + (chance(0.3) ? variable("Int", size) : size));
            }
            List<String> cursors = nodeType == null ? List.of() : pools.cursors(nodeType, ordering);
            if (chance(0.35) && !cursors.isEmpty()) {
                String cursor = chance(0.05) ? "bm90IGEgY3Vyc29y" : pick(cursors);
                given.add((backward ? "before: " : "after: ") + (chance(0.5) ? variable("String", cursor) : quoted(cursor)));
            }
        }
        for (GraphQLArgument argument : field.getArguments()) {
            String name = argument.getName();
            if (Set.of("first", "last", "after", "before", "orderBy").contains(name)) {
                continue;
            }
            boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
            if (name.equals("id") || name.equals("ids")) {
                List<String> ids = returned instanceof GraphQLObjectType object ? pools.ids(object.getName()) : pools.allIds();
                if (ids.isEmpty()) {
                    return null;
                }
                Object value = name.equals("id") ? pick(ids) : List.of(pick(ids), pick(ids));
                given.add(name + ": " + (chance(0.5) ? variable(GraphQLTypeUtil.simplePrint(argument.getType()), value)
                        : literal(value)));
            } else if (required || chance(0.4)) {
                Object value = value(argument.getType());
                if (value == null && required) {
                    return null;
                }
                given.add(name + ": " + (chance(0.3) ? variable(GraphQLTypeUtil.simplePrint(argument.getType()), value)
                        : literal(value)));
            }
        }
        return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
    }

    private static String nodeType(GraphQLNamedType connection) {
        if (!(connection instanceof GraphQLObjectType object) || object.getFieldDefinition("edges") == null) {
            return null;
        }
        GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(object.getFieldDefinition("edges").getType());
        return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType())).getName();
    }

    /** A random value of an input type, as JSON would carry it (null: none). */
    private Object value(GraphQLType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            List<Object> values = new ArrayList<>();
            int count = between(0, 2);
            for (int i = 0; i < count; i++) {
                values.add(value(list.getWrappedType()));
            }
            return values;
        }
        return switch (unwrapped) {
            case GraphQLEnumType enumType -> pick(enumType.getValues()).getName();
            case GraphQLInputObjectType input -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    // Nested input objects (the queue conditions) send the request to the engine: drawn
                    // rarely, so that most answers still exercise plans.
                    boolean nested = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLInputObjectType;
                    if (field.getType() instanceof GraphQLNonNull || chance(nested ? 0.1 : 0.35)) {
                        Object value = field.getName().toLowerCase().endsWith("id")
                                ? pick(pools.ids("Customer")) : value(field.getType());
                        if (value != null) {
                            object.put(field.getName(), value);
                        }
                    }
                }
                yield object;
            }
            default -> switch (((GraphQLNamedType) unwrapped).getName()) {
                case "String" -> pick(TEXTS);
                case "ID" -> pick(pools.ids("Customer"));
                case "Int" -> between(0, 4);
                case "Boolean" -> chance(0.5);
                case "DateTime" -> pick(TIMES);
                case "Date" -> pick(DATES);
                default -> null;
            };
        };
    }

    private String variable(String type, Object value) {
        String name = "v" + names++;
        definitions.add("$" + name + ": " + type);
        variables.put(name, value);
        return "$" + name;
    }

    /** A JSON-like value as a GraphQL literal (strings that are enum values are written bare when in an enum position). */
    private String literal(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> text.matches("[A-Z][A-Z_0-9]*") && !text.equals("INV") ? text : quoted(text);
            case List<?> list -> "[" + String.join(", ", list.stream().map(this::literal).toList()) + "]";
            case Map<?, ?> map -> "{" + String.join(", ", map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + literal(e.getValue())).toList()) + "}";
            default -> String.valueOf(value);
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // Every choice goes through a jqwik arbitrary drawn from the seeded random.

    private int between(int min, int max) {
        return draw(Arbitraries.integers().between(min, max));
    }

    private boolean chance(double probability) {
        return draw(Arbitraries.doubles().between(0, 1)) < probability;
    }

    private <T> T pick(List<T> values) {
        return draw(Arbitraries.of(values));
    }

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }
}
