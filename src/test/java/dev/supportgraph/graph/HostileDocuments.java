package dev.supportgraph.graph;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates query documents from the schema that try to grow the work of a request: chains of
 * fragments spreading the next several times (sometimes in a cycle), many aliases, nested lists
 * with large pages, {@code nodes(ids:)} with repeated ids, long strings with odd Unicode (NUL,
 * surrogate pairs, bidi controls, combining marks), Ints beyond 32 bits, dates outside the years
 * allowed and reversed date ranges, and huge variables.
 * Deterministic for a given {@link Random}.
 */
final class HostileDocuments {

    /** A generated request: the document, its variables, and what went into it (for failure messages). */
    record Hostile(String query, Map<String, Object> variables, String shape) {
    }

    /** The last three are refused (beyond 32 bits), as are the last four lengths for short fields and NUL. */
    private static final long[] INTS = {0, 1, 20, 100, 101, -1, Integer.MAX_VALUE, 2_147_483_648L, 4_294_967_396L,
            Long.MAX_VALUE};
    private static final long DATES_SEED = 1900;
    /** Years of Date and DateTime inputs in bad-input documents; the last three are outside 1900..9999 (refused). */
    private static final String[] YEARS = {"2026", "1900", "9999", "0001", "-0001", "+10000"};
    private static final int[] LENGTHS = {0, 1, 40, 500, 999, 1001, 9_999, 10_001, 30_000};
    private static final String[] ODD = {"\u0000", "a", "é", "\uD83D\uDE00", "\u202E", "e\u0301", "\uFFFD", "\"", "\\",
            "\n", "\u2028", "中"};

    private final GraphQLSchema schema;
    private final Random random;
    /** Drawn apart from {@link #random}, so that the dates do not shift the document's other choices. */
    private final Random dates = new Random(DATES_SEED);
    private final StringBuilder fragments = new StringBuilder();
    private final Map<String, String> variableTypes = new LinkedHashMap<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> shape = new ArrayList<>();
    private String chainType;
    private boolean inFragment;
    private int aliasesLeft;
    /** One document in three carries inputs no resolver accepts (too long, NUL, Int beyond 32 bits). */
    private boolean badInputs;

    private HostileDocuments(GraphQLSchema schema, Random random) {
        this.schema = schema;
        this.random = random;
    }

    static Hostile generate(GraphQLSchema schema, Random random) {
        return new HostileDocuments(schema, random).build();
    }

    private Hostile build() {
        badInputs = random.nextInt(3) == 0;
        if (badInputs) {
            shape.add("bad inputs");
        }
        List<GraphQLObjectType> nodeTypes = schema.getImplementations((graphql.schema.GraphQLInterfaceType) schema.getType("Node"));
        if (random.nextInt(2) == 0) {
            GraphQLObjectType type = nodeTypes.get(random.nextInt(nodeTypes.size()));
            chain(type, 1 + random.nextInt(30), 1 + random.nextInt(3), random.nextInt(6) == 0);
        }
        aliasesLeft = random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(5);
        int depth = 1 + random.nextInt(random.nextInt(3) == 0 ? 20 : 5);
        StringBuilder body = new StringBuilder("{ ");
        Set<String> rootNames = new HashSet<>();
        int roots = 1 + random.nextInt(6) + aliasesLeft;
        for (int i = 0; i < roots; i++) {
            if (chainType != null && (i == 0 || random.nextInt(4) == 0)) {
                body.append("n").append(i).append(": nodes(ids: ").append(ids()).append(") { ... on ").append(chainType)
                        .append(" { ...F0 } } ");
            } else {
                GraphQLFieldsContainer query = schema.getQueryType();
                field(query.getFieldDefinitions().get(random.nextInt(query.getFieldDefinitions().size())), depth, body, rootNames);
            }
        }
        body.append("}");
        StringBuilder header = new StringBuilder("query Hostile");
        if (!variableTypes.isEmpty()) {
            header.append('(');
            variableTypes.forEach((name, type) -> header.append('$').append(name).append(": ").append(type).append(' '));
            header.append(')');
        }
        return new Hostile(header + " " + body + "\n" + fragments, variables, String.join(", ", shape));
    }

    /** Fragments F0..F(n-1) on one type, each spreading the next {@code fanOut} times; the last may spread F0. */
    private void chain(GraphQLObjectType type, int length, int fanOut, boolean cycle) {
        chainType = type.getName();
        inFragment = true;
        shape.add("fragment chain of " + length + " on " + chainType + ", fan-out " + fanOut + (cycle ? ", cycle" : ""));
        for (int i = 0; i < length; i++) {
            fragments.append("fragment F").append(i).append(" on ").append(chainType).append(" { ");
            selections(type, random.nextInt(2), fragments);
            String next = i + 1 < length ? "F" + (i + 1) : cycle ? "F0" : null;
            if (next != null) {
                fragments.append((" ..." + next).repeat(fanOut));
            }
            fragments.append(" }\n");
        }
        inFragment = false;
    }

    private String alias() {
        if (aliasesLeft > 0) {
            aliasesLeft--;
            return "a" + aliasesLeft + ": ";
        }
        return "";
    }

    private void selections(GraphQLCompositeType type, int depth, StringBuilder out) {
        if (!(type instanceof GraphQLFieldsContainer container)) {
            out.append("__typename ");
            for (GraphQLNamedOutputType member : ((GraphQLUnionType) type).getTypes()) {
                if (member instanceof GraphQLObjectType possible && random.nextBoolean()) {
                    out.append("... on ").append(possible.getName()).append(" { ");
                    selections(possible, depth, out);
                    out.append("} ");
                }
            }
            return;
        }
        List<GraphQLFieldDefinition> fields = new ArrayList<>(container.getFieldDefinitions());
        Collections.shuffle(fields, random);
        int count = 1 + random.nextInt(Math.min(4, fields.size()));
        for (GraphQLFieldDefinition field : fields.subList(0, count)) {
            field(field, depth, out, new HashSet<>());
        }
        if (chainType != null && !inFragment && type.getName().equals(chainType) && random.nextInt(3) == 0) {
            out.append("...F0 ");
        }
    }

    /** @param names the response names already used in this selection set (a repeated one gets an alias) */
    private void field(GraphQLFieldDefinition field, int depth, StringBuilder out, Set<String> names) {
        String alias = alias();
        if (alias.isEmpty() && !names.add(field.getName())) {
            alias = "d" + names.size() + ": ";
            names.add(alias);
        }
        out.append(alias).append(field.getName());
        List<String> arguments = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (GraphQLTypeUtil.isNonNull(argument.getType()) || random.nextInt(3) == 0) {
                arguments.add(argument.getName() + ": " + value(argument.getName(), argument.getType(), 0));
            }
        }
        if (!arguments.isEmpty()) {
            out.append('(').append(String.join(", ", arguments)).append(')');
        }
        GraphQLNamedType type = GraphQLTypeUtil.unwrapAllAs(field.getType());
        if (type instanceof GraphQLCompositeType composite) {
            out.append(" { ");
            if (depth > 0) {
                selections(composite, depth - 1, out);
            } else {
                out.append("__typename ");
            }
            out.append("} ");
        } else {
            out.append(' ');
        }
    }

    /** A literal or a variable for an input of this type. */
    private String value(String name, GraphQLInputType type, int nesting) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (name.equals("ids")) {
            return ids();
        }
        switch (unwrapped) {
            case GraphQLScalarType scalar when scalar.getName().equals("Int") -> {
                long value = INTS[random.nextInt(badInputs ? INTS.length : INTS.length - 3)];
                return random.nextBoolean() ? Long.toString(value) : variable(GraphQLTypeUtil.simplePrint(type), value);
            }
            case GraphQLScalarType scalar when scalar.getName().equals("String") || scalar.getName().equals("ID") -> {
                String text = text();
                return random.nextBoolean() ? literal(text) : variable(GraphQLTypeUtil.simplePrint(type), text);
            }
            case GraphQLScalarType scalar when scalar.getName().equals("Date") || scalar.getName().equals("DateTime") -> {
                String time = scalar.getName().equals("Date") ? "" : "T00:00:00Z";
                if (!badInputs) {
                    return literal("2026-01-01" + time);
                }
                // Random years and months: a filter's xFrom and xTo often make a reversed range.
                String date = YEARS[dates.nextInt(YEARS.length)] + "-0" + (1 + dates.nextInt(9)) + "-01" + time;
                return dates.nextBoolean() ? literal(date) : variable(GraphQLTypeUtil.simplePrint(type), date);
            }
            case GraphQLScalarType scalar -> {
                return literal(scalar.getName().equals("Boolean") ? "true" : "2026-01-01T00:00:00Z");
            }
            case GraphQLEnumType enumType -> {
                return enumType.getValues().get(random.nextInt(enumType.getValues().size())).getName();
            }
            case GraphQLList list -> {
                String element = value(name, (GraphQLInputType) list.getWrappedType(), nesting + 1);
                return "[" + element + "]";
            }
            case GraphQLInputObjectType input when nesting < 3 -> {
                List<String> fields = new ArrayList<>();
                for (GraphQLInputObjectField field : input.getFields()) {
                    if (GraphQLTypeUtil.isNonNull(field.getType()) || random.nextInt(3) == 0) {
                        fields.add(field.getName() + ": " + value(field.getName(), field.getType(), nesting + 1));
                    }
                }
                return "{ " + String.join(", ", fields) + " }";
            }
            default -> {
                return "null";
            }
        }
    }

    /** Ids for nodes(ids:): often the same one repeated, sometimes far more than the 100 allowed. */
    private String ids() {
        int count = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(120);
        boolean repeated = random.nextBoolean();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(GlobalId.encode("Customer", repeated ? 1 : i + 1));
        }
        shape.add(count + (repeated ? " repeated" : " distinct") + " ids");
        if (random.nextBoolean()) {
            return variable("[ID!]!", ids);
        }
        return ids.stream().map(HostileDocuments::literal).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }

    private String text() {
        int length = LENGTHS[random.nextInt(badInputs ? LENGTHS.length : LENGTHS.length - 4)];
        String odd = ODD[badInputs ? random.nextInt(ODD.length) : 3 + random.nextInt(ODD.length - 3)];
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(random.nextInt(8) == 0 ? odd : "x");
        }
        return text.toString();
    }

    private String variable(String type, Object value) {
        String name = "v" + variables.size();
        variableTypes.put(name, type);
        variables.put(name, value);
        return "$" + name;
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
