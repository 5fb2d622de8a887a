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
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input values every resolver would have to reject, refused before anything runs with code
 * BAD_USER_INPUT and the path of the value at fault: text longer than its limit (longer for the
 * long text fields named in the configuration), text containing NUL characters (PostgreSQL
 * cannot store them), Int values outside 32 bits (SmallRye's Int coercion keeps a larger
 * JSON number as a long and later truncates it: 4294967396 would become 100), {@code Date} and
 * {@code DateTime} values outside the configured years (the database's own range would end in an
 * INTERNAL error), and ranges whose {@code xFrom} lies after their {@code xTo} (an input object's
 * fields of that naming, given together, e.g. a filter's createdFrom and createdTo), and null items in a
 * list (a filter's {@code status: [null]} names no status; the schema keeps {@code [T]} for the clients
 * whose variables declare it so). Checked generically
 * against the schema's types: the arguments written in the document (each syntax node once;
 * fragments are not expanded) and the variables against their declared types.
 */
public final class InputCheck {

    /** @param longTextFields input field and argument names whose text may reach {@code maxLongTextLength} */
    public record Limits(int maxTextLength, int maxLongTextLength, Set<String> longTextFields, int minYear, int maxYear) {
    }

    /** Range bounds come in pairs named {@code <x>From} and {@code <x>To}. */
    private static final String NULL_ITEM = "must not be null (a list item)";
    private static final String FROM = "From";
    private static final String TO = "To";

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final GraphQLSchema schema;
    private final Limits limits;

    private InputCheck(GraphQLSchema schema, Limits limits) {
        this.schema = schema;
        this.limits = limits;
    }

    /** Throws {@link QueryRefused} (BAD_USER_INPUT) for the first unacceptable value. */
    public static void check(GraphQLSchema schema, Document document, Map<String, Object> variables, Limits limits) {
        InputCheck check = new InputCheck(schema, limits);
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                GraphQLCompositeType root = switch (operation.getOperation()) {
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                    default -> schema.getQueryType();
                };
                check.selections(operation.getSelectionSet(), root);
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    if (variables != null && variables.containsKey(variable.getName())) {
                        check.value(variables.get(variable.getName()), check.declared(variable.getType()),
                                variable.getName(), new ArrayList<>(List.of(variable.getName())));
                    }
                }
            } else if (definition instanceof FragmentDefinition fragment) {
                check.selections(fragment.getSelectionSet(), check.composite(fragment.getTypeCondition()));
            }
        }
    }

    private GraphQLCompositeType composite(TypeName name) {
        return name != null && schema.getType(name.getName()) instanceof GraphQLCompositeType type ? type : null;
    }

    /** A variable's declared type; null when the schema does not know it (validation reports that). */
    private GraphQLType declared(graphql.language.Type<?> type) {
        return switch (type) {
            case graphql.language.NonNullType nonNull -> declared(nonNull.getType());
            case graphql.language.ListType list -> {
                GraphQLType element = declared(list.getType());
                yield element == null ? null : GraphQLList.list(element);
            }
            case TypeName name -> schema.getType(name.getName());
            default -> null;
        };
    }

    private void selections(SelectionSet set, GraphQLCompositeType type) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> field(field, type);
                case InlineFragment inline -> selections(inline.getSelectionSet(),
                        inline.getTypeCondition() == null ? type : composite(inline.getTypeCondition()));
                case FragmentSpread ignored -> {
                    // checked once where the fragment is defined
                }
                default -> {
                }
            }
        }
    }

    private void field(Field field, GraphQLCompositeType parent) {
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        for (Argument argument : field.getArguments()) {
            GraphQLArgument declared = definition == null ? null : definition.getArgument(argument.getName());
            literal(argument.getValue(), declared == null ? null : declared.getType(), argument.getName(),
                    new ArrayList<>(List.of(field.getResultKey(), argument.getName())));
        }
        GraphQLNamedType type = definition == null ? null : GraphQLTypeUtil.unwrapAllAs(definition.getType());
        selections(field.getSelectionSet(), type instanceof GraphQLCompositeType composite ? composite : null);
    }

    /** A value written in the document; variables inside it are checked with the variables. */
    private void literal(Value<?> value, GraphQLInputType type, String name, List<String> path) {
        GraphQLType unwrapped = type == null ? null : GraphQLTypeUtil.unwrapNonNull(type);
        switch (value) {
            case StringValue text -> {
                text(text.getValue(), name, path);
                temporal(text.getValue(), unwrapped, path);
            }
            case IntValue number -> {
                if (isInt(unwrapped)) {
                    integer(number.getValue(), path);
                }
            }
            case ArrayValue array -> {
                GraphQLType element = unwrapped instanceof GraphQLList list ? list.getWrappedType() : null;
                for (int i = 0; i < array.getValues().size(); i++) {
                    path.add(Integer.toString(i));
                    if (array.getValues().get(i) instanceof NullValue) {
                        throw QueryRefused.badInput(path, NULL_ITEM);
                    }
                    literal(array.getValues().get(i), (GraphQLInputType) element, name, path);
                    path.removeLast();
                }
            }
            case ObjectValue object -> {
                GraphQLInputObjectType input = unwrapped instanceof GraphQLInputObjectType t ? t : null;
                Map<String, Object> written = new HashMap<>();
                for (ObjectField field : object.getObjectFields()) {
                    GraphQLInputObjectField declared = input == null ? null : input.getField(field.getName());
                    path.add(field.getName());
                    literal(field.getValue(), declared == null ? null : declared.getType(), field.getName(), path);
                    path.removeLast();
                    if (field.getValue() instanceof StringValue text) {
                        written.put(field.getName(), text.getValue());
                    }
                }
                ranges(written, input, path);
            }
            default -> {
            }
        }
    }

    /** A variable's (JSON) value against its declared type; unknown types still get the text checks. */
    private void value(Object value, GraphQLType type, String name, List<String> path) {
        GraphQLType unwrapped = type == null ? null : GraphQLTypeUtil.unwrapNonNull(type);
        switch (value) {
            case String text -> {
                text(text, name, path);
                temporal(text, unwrapped, path);
            }
            case Number number -> {
                if (isInt(unwrapped)) {
                    integer(number, path);
                }
            }
            case Collection<?> list -> {
                GraphQLType element = unwrapped instanceof GraphQLList l ? l.getWrappedType() : null;
                int i = 0;
                for (Object item : list) {
                    path.add(Integer.toString(i++));
                    if (item == null) {
                        throw QueryRefused.badInput(path, NULL_ITEM);
                    }
                    value(item, element, name, path);
                    path.removeLast();
                }
            }
            case Map<?, ?> object -> {
                GraphQLInputObjectType input = unwrapped instanceof GraphQLInputObjectType t ? t : null;
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    GraphQLInputObjectField declared = input == null ? null : input.getField(key);
                    path.add(key);
                    text(key, key, path);
                    value(entry.getValue(), declared == null ? null : declared.getType(), key, path);
                    path.removeLast();
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) object;
                ranges(fields, input, path);
            }
            case null, default -> {
            }
        }
    }

    /** The scalar name when the type is Date or DateTime, else null. */
    private static String temporalScalar(GraphQLType type) {
        return type instanceof GraphQLScalarType scalar && (scalar.getName().equals("Date") || scalar.getName().equals("DateTime"))
                ? scalar.getName() : null;
    }

    /**
     * A Date or DateTime value as a comparable point, or null when it is not ISO-8601 (the scalar's
     * own coercion reports that). DateTime values without an offset count as UTC.
     */
    private static Comparable<?> point(String text, String scalar) {
        try {
            if (scalar.equals("Date")) {
                return LocalDate.parse(text);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private void temporal(String text, GraphQLType type, List<String> path) {
        String scalar = temporalScalar(type);
        if (scalar == null) {
            return;
        }
        Comparable<?> point = point(text, scalar);
        int year = switch (point) {
            case LocalDate date -> date.getYear();
            case Instant instant -> instant.atOffset(ZoneOffset.UTC).getYear();
            case null, default -> limits.minYear();
        };
        if (year < limits.minYear() || year > limits.maxYear()) {
            throw QueryRefused.badInput(path, "must be a " + scalar + " in the years " + limits.minYear() + " to "
                    + limits.maxYear() + ", was " + text);
        }
    }

    /** {@code <x>From} after {@code <x>To} in one input object: a range that can match nothing, refused. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void ranges(Map<String, Object> fields, GraphQLInputObjectType input, List<String> path) {
        if (input == null) {
            return;
        }
        for (Map.Entry<String, Object> from : fields.entrySet()) {
            if (!from.getKey().endsWith(FROM) || !(from.getValue() instanceof String fromText)) {
                continue;
            }
            String toName = from.getKey().substring(0, from.getKey().length() - FROM.length()) + TO;
            GraphQLInputObjectField declared = input.getField(from.getKey());
            String scalar = declared == null ? null : temporalScalar(GraphQLTypeUtil.unwrapNonNull(declared.getType()));
            if (scalar == null || !(fields.get(toName) instanceof String toText)) {
                continue;
            }
            Comparable start = point(fromText, scalar);
            Comparable end = point(toText, scalar);
            if (start != null && end != null && start.compareTo(end) > 0) {
                path.add(from.getKey());
                throw QueryRefused.badInput(path, from.getKey() + " (" + fromText + ") must not be after " + toName
                        + " (" + toText + ")");
            }
        }
    }

    private static boolean isInt(GraphQLType type) {
        return type instanceof GraphQLScalarType scalar && scalar.getName().equals("Int");
    }

    private void text(String text, String name, List<String> path) {
        int max = limits.longTextFields().contains(name) ? limits.maxLongTextLength() : limits.maxTextLength();
        if (text.length() > max) {
            throw QueryRefused.badInput(path, "must have at most " + max + " characters, has " + text.length());
        }
        if (text.indexOf('\u0000') >= 0) {
            throw QueryRefused.badInput(path, "must not contain NUL characters (\\u0000)");
        }
    }

    private static void integer(Number number, List<String> path) {
        BigInteger value = switch (number) {
            case BigInteger big -> big;
            case BigDecimal decimal -> decimal.toBigInteger();
            case Double d -> BigDecimal.valueOf(d).toBigInteger();
            case Float f -> BigDecimal.valueOf(f).toBigInteger();
            default -> BigInteger.valueOf(number.longValue());
        };
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            throw QueryRefused.badInput(path, "must be an Int between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    + ", was " + number);
        }
    }
}
