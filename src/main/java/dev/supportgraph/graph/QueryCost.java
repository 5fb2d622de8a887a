package dev.supportgraph.graph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The one cost model of a query document, computed on the parsed document before it is validated
 * or executed (and reusable by anything that plans a document). It walks the document as it will
 * execute, but counts instead of expanding: each fragment is costed once per page size it is spread
 * under and its totals are multiplied wherever it is spread, so a fragment spreading the next twice,
 * 30 deep, costs microseconds to refuse. It measures:
 * <ul>
 *   <li>depth: the deepest field nesting, fragments included;</li>
 *   <li>aliases: aliased fields as executed (an alias in a fragment spread twice counts twice);</li>
 *   <li>cost (the work): every field costs 1, and what a list selects is multiplied by the
 *       elements it may return: a connection's {@code edges} by its {@code first}/{@code last}
 *       (clamped to the page cap; the default page when absent), {@code nodes(ids:)} by the
 *       distinct ids (at most the page cap), introspection lists by the schema's real sizes,
 *       other lists by an assumed size;</li>
 *   <li>response bytes: the same walk with what each leaf may return: long text fields (by
 *       type and name, e.g. {@code ProblemReport.description}) weigh their input length limit,
 *       other text a typical length, other scalars a few bytes; here repeated ids count, as the
 *       response repeats them.</li>
 * </ul>
 * Every operation of the document and every fragment definition count (validation reads them
 * all). Fragment cycles are refused. Unknown fields and fragments cost 1 and are left to validation.
 */
public final class QueryCost {

    /** The limits and the sizes the estimate is made of; see {@link QueryLimits} for their meaning. */
    public record Limits(int maxDepth, long maxCost, int maxAliases, long maxResponseBytes,
                         int defaultPageSize, int maxPageSize, int assumedListSize,
                         int textBytes, int longTextBytes, Set<String> longTextOutputs) {
    }

    /** What a document would do; {@code cost} and {@code responseBytes} saturate at {@link Long#MAX_VALUE}. */
    public record Estimate(int depth, long cost, int aliases, long responseBytes) {
    }

    /** Bytes of a number, boolean, enum or date value, and of a field's name and punctuation in JSON. */
    private static final int SCALAR_BYTES = 24;
    private static final int FIELD_OVERHEAD_BYTES = 8;

    private final GraphQLSchema schema;
    private final Limits limits;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final Map<String, Value<?>> variableDefaults = new HashMap<>();
    /** Fragment totals by name and the page size of the connection they are spread under. */
    private final Map<String, Totals> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private QueryCost(GraphQLSchema schema, Document document, Map<String, Object> variables, Limits limits) {
        this.schema = schema;
        this.limits = limits;
        this.variables = variables == null ? Map.of() : variables;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            } else if (definition instanceof OperationDefinition operation) {
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    if (variable.getDefaultValue() != null) {
                        variableDefaults.putIfAbsent(variable.getName(), variable.getDefaultValue());
                    }
                }
            }
        }
    }

    /** The estimate of a document with these (raw, JSON) variables; throws {@link QueryRefused} past a limit. */
    public static Estimate check(GraphQLSchema schema, Document document, Map<String, Object> variables, Limits limits) {
        Estimate estimate = estimate(schema, document, variables, limits);
        if (estimate.depth() > limits.maxDepth()) {
            throw QueryRefused.limit("depth", "The query is " + estimate.depth() + " levels deep; at most "
                    + limits.maxDepth() + " are allowed");
        }
        if (estimate.aliases() > limits.maxAliases()) {
            throw QueryRefused.limit("aliases", "The query uses " + estimate.aliases() + " aliases; at most "
                    + limits.maxAliases() + " are allowed");
        }
        if (estimate.cost() > limits.maxCost()) {
            throw QueryRefused.limit("cost", "The query's estimated cost is " + show(estimate.cost()) + "; at most "
                    + limits.maxCost() + " is allowed (lists multiply the cost of what they select: ask for smaller pages)");
        }
        if (estimate.responseBytes() > limits.maxResponseBytes()) {
            throw QueryRefused.limit("size", "The query's response may reach " + show(estimate.responseBytes())
                    + " bytes; at most " + limits.maxResponseBytes() + " are allowed (select fewer long text fields or smaller pages)");
        }
        return estimate;
    }

    /** The estimate without the limits applied (fragment cycles are still refused). */
    public static Estimate estimate(GraphQLSchema schema, Document document, Map<String, Object> variables, Limits limits) {
        QueryCost model = new QueryCost(schema, document, variables, limits);
        Totals total = Totals.ZERO;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                total = total.plus(model.selections(operation.getSelectionSet(), root(schema, operation), -1));
            }
        }
        for (FragmentDefinition fragment : model.fragments.values()) {
            total = total.alongside(model.fragment(fragment.getName(), -1));
        }
        return new Estimate(total.depth, total.cost, total.aliases, total.bytes);
    }

    private static String show(long value) {
        return value == Long.MAX_VALUE ? "beyond " + Long.MAX_VALUE : Long.toString(value);
    }

    private static GraphQLObjectType root(GraphQLSchema schema, OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /** Totals of a selection set: summed for siblings, multiplied by lists, deepest for depth. */
    private record Totals(int depth, long cost, int aliases, long bytes) {
        static final Totals ZERO = new Totals(0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(Math.max(depth, other.depth), add(cost, other.cost), (int) Math.min(Integer.MAX_VALUE,
                    (long) aliases + other.aliases), add(bytes, other.bytes));
        }

        /** An unused fragment definition: validated, not executed; its cost does not add to the operation's. */
        Totals alongside(Totals other) {
            return new Totals(Math.max(depth, other.depth), Math.max(cost, other.cost),
                    Math.max(aliases, other.aliases), Math.max(bytes, other.bytes));
        }
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /**
     * @param type the type the selections apply to, null when unknown (left to validation)
     * @param page the page size of the connection this selection set belongs to, -1 outside a connection
     */
    private Totals selections(SelectionSet set, GraphQLCompositeType type, int page) {
        Totals total = Totals.ZERO;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            total = total.plus(switch (selection) {
                case Field field -> field(field, type, page);
                case InlineFragment inline -> selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                        ? type : composite(inline.getTypeCondition().getName()), page);
                case FragmentSpread spread -> fragment(spread.getName(), page);
                default -> Totals.ZERO;
            });
        }
        return total;
    }

    private Totals fragment(String name, int page) {
        FragmentDefinition definition = fragments.get(name);
        if (definition == null) {
            return Totals.ZERO;
        }
        String key = name + '@' + page;
        Totals known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(name)) {
            throw QueryRefused.invalid("The fragment " + name + " spreads itself (directly or through other fragments)");
        }
        Totals totals = selections(definition.getSelectionSet(), composite(definition.getTypeCondition().getName()), page);
        inProgress.remove(name);
        memo.put(key, totals);
        return totals;
    }

    private GraphQLCompositeType composite(String name) {
        return schema.getType(name) instanceof GraphQLCompositeType composite ? composite : null;
    }

    private Totals field(Field field, GraphQLCompositeType parent, int page) {
        int alias = field.getAlias() == null ? 0 : 1;
        GraphQLFieldDefinition definition = definition(parent, field.getName());
        if (definition == null) {
            Totals children = selections(field.getSelectionSet(), null, -1);
            return new Totals(children.depth + 1, add(1, children.cost), children.aliases + alias,
                    add(FIELD_OVERHEAD_BYTES + SCALAR_BYTES, children.bytes));
        }
        GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAllAs(definition.getType());
        long work = 1;
        long repeated = 1;
        if (GraphQLTypeUtil.isList(fieldType)) {
            long[] sizes = listSizes(field, parent, page);
            work = sizes[0];
            repeated = sizes[1];
        }
        Totals children = selections(field.getSelectionSet(), named instanceof GraphQLCompositeType c ? c : null,
                pageOf(field, definition));
        long leaf = named instanceof GraphQLCompositeType ? 0 : leafBytes(field.getName(), named, parent);
        return new Totals(children.depth + 1, add(1, times(work, children.cost)), children.aliases + alias,
                add(FIELD_OVERHEAD_BYTES, times(repeated, add(leaf, children.bytes))));
    }

    private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
        return switch (name) {
            case "__typename" -> schema.getIntrospectionTypenameFieldDefinition();
            case "__schema" -> schema.getIntrospectionSchemaFieldDefinition();
            case "__type" -> schema.getIntrospectionTypeFieldDefinition();
            default -> parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
        };
    }

    /** Elements of a list field: {work, repeated} (they differ for repeated ids: loaded once, returned each time). */
    private long[] listSizes(Field field, GraphQLCompositeType parent, int page) {
        if (parent.getName().startsWith("__")) {
            // Served from memory: no work to multiply, but the response does grow with the schema.
            return new long[]{1, introspectionSize(field.getName())};
        }
        if (page > 0) {
            return new long[]{page, page};
        }
        Argument ids = field.getArguments().stream().filter(a -> a.getName().equals("ids")).findFirst().orElse(null);
        if (ids != null) {
            List<Object> values = values(ids.getValue());
            long distinct = Math.min(limits.maxPageSize(), Math.max(1, new HashSet<>(values).size()));
            long all = Math.min(limits.maxPageSize(), Math.max(1, values.size()));
            return new long[]{distinct, all};
        }
        return new long[]{limits.assumedListSize(), limits.assumedListSize()};
    }

    /** The page size a paged field (one with first/last) asks for, clamped to the cap; -1 for other fields. */
    private int pageOf(Field field, GraphQLFieldDefinition definition) {
        if (definition.getArgument("first") == null && definition.getArgument("last") == null) {
            return -1;
        }
        long size = -1;
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first") || argument.getName().equals("last")) {
                Object value = resolve(argument.getValue());
                if (value instanceof Number number) {
                    size = Math.max(size, number instanceof BigInteger big
                            ? big.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue() : number.longValue());
                }
            }
        }
        return (int) (size < 0 ? limits.defaultPageSize() : Math.max(1, Math.min(size, limits.maxPageSize())));
    }

    /** A literal or variable value as a plain Java value (numbers, strings, lists; null when unknown). */
    private Object resolve(Value<?> value) {
        return switch (value) {
            case VariableReference reference -> variables.containsKey(reference.getName())
                    ? variables.get(reference.getName())
                    : variableDefaults.containsKey(reference.getName()) ? resolve(variableDefaults.get(reference.getName())) : null;
            case IntValue number -> number.getValue();
            case StringValue text -> text.getValue();
            case ArrayValue array -> array.getValues().stream().map(this::resolve).toList();
            case null, default -> null;
        };
    }

    private List<Object> values(Value<?> value) {
        Object resolved = resolve(value);
        if (resolved instanceof Collection<?> collection) {
            return collection.stream().map(v -> (Object) v).toList();
        }
        return resolved == null ? List.of() : List.of(resolved);
    }

    private long leafBytes(String fieldName, GraphQLNamedType type, GraphQLCompositeType parent) {
        boolean text = type instanceof GraphQLScalarType scalar
                && (scalar.getName().equals("String") || scalar.getName().equals("ID"));
        // Introspection's names and descriptions are the schema's own, not stored data.
        if (!text || parent == null || parent.getName().startsWith("__")) {
            return SCALAR_BYTES;
        }
        return limits.longTextOutputs().contains(parent.getName() + "." + fieldName) ? limits.longTextBytes() : limits.textBytes();
    }

    /**
     * Introspection lists are bounded by the schema: {@code types} by its types, the lists of one
     * type (fields, input fields, enum values, interfaces) by their average over all types (so
     * that listing them for every type adds up to the schema's totals), {@code args} by the
     * average per field. (graphql-java's good-faith introspection check refuses deeper nesting.)
     */
    private long introspectionSize(String field) {
        List<GraphQLNamedType> types = schema.getAllTypesAsList();
        long count = switch (field) {
            case "types" -> types.size();
            case "directives" -> schema.getDirectives().size();
            case "args" -> ceilAverage(types.stream().flatMap(t -> t instanceof GraphQLFieldsContainer c
                    ? c.getFieldDefinitions().stream() : Stream.empty()).mapToLong(f -> f.getArguments().size()));
            default -> ceilAverage(types.stream().mapToLong(t -> switch (t) {
                case GraphQLEnumType e when field.equals("enumValues") -> e.getValues().size();
                case GraphQLInputObjectType i when field.equals("inputFields") -> i.getFields().size();
                case GraphQLFieldsContainer c when field.equals("fields") -> c.getFieldDefinitions().size();
                case GraphQLObjectType o when field.equals("interfaces") -> o.getInterfaces().size();
                case GraphQLInterfaceType i when field.equals("possibleTypes") -> schema.getImplementations(i).size();
                case GraphQLUnionType u when field.equals("possibleTypes") -> u.getTypes().size();
                default -> 0;
            }));
        };
        return Math.max(1, count);
    }

    private static long ceilAverage(LongStream sizes) {
        LongSummaryStatistics statistics = sizes.summaryStatistics();
        return statistics.getCount() == 0 ? 1 : (statistics.getSum() + statistics.getCount() - 1) / statistics.getCount();
    }
}
