package dev.supportgraph.graph;

import graphql.Directives;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * What the SDL says the same way everywhere: the custom scalars' descriptions and {@code @specifiedBy},
 * and the descriptions of the Relay and mutation conventions every list and mutation follows
 * (connections, edges, paging arguments, sort orders, filters, payloads, {@code input:}, {@code id},
 * {@code version}, {@code expectedVersion}, the shared ticket fields). An element with its own
 * {@code @Description} keeps it. Applied to the executed schema, on the builder SmallRye fires before
 * it builds it, so introspection (GraphiQL, codegen) and the published SDL say the same.
 * <p>
 * The transformation replaces the described types with new instances, while SmallRye's interface
 * and union resolvers return the instances it built: graphql-java would then match no fragment
 * ({@code ... on Ticket}) against them, as it compares type instances. The resolvers are therefore
 * wrapped to return the executed schema's type of the same name.
 */
@ApplicationScoped
public class SchemaConventions {

    /** A custom scalar's description and the document that specifies its text form. */
    record ScalarSpec(String description, String url) {
    }

    static final Map<String, ScalarSpec> SCALARS = Map.of(
            "DateTime", new ScalarSpec("A point in time with its UTC offset, in RFC 3339 / ISO-8601 form, e.g. 2026-01-31T09:30:00Z.",
                    "https://scalars.graphql.org/andimarek/date-time"),
            "Date", new ScalarSpec("A calendar date without time zone, ISO-8601 yyyy-MM-dd, e.g. 2026-01-31.",
                    "https://scalars.graphql.org/andimarek/local-date"),
            "BigDecimal", new ScalarSpec("An arbitrary-precision decimal number, as a JSON number or a decimal string.",
                    "https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/math/BigDecimal.html#%3Cinit%3E(java.lang.String)"),
            "BigInteger", new ScalarSpec("An arbitrary-precision integer, as a JSON number or a decimal string.",
                    "https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/math/BigInteger.html#%3Cinit%3E(java.lang.String)"));

    private static final Map<String, String> ARGUMENTS = Map.of(
            "first", "Forward paging: at most this many items after the `after` cursor (or from the start).",
            "after", "Forward paging: start after this cursor (an edge's cursor or pageInfo.endCursor).",
            "last", "Backward paging: at most this many items before the `before` cursor (or up to the end).",
            "before", "Backward paging: end before this cursor (an edge's cursor or pageInfo.startCursor).",
            "filter", "Only the items matching every condition given.",
            "orderBy", "Sort order; newest first by default.",
            "input", "The mutation's input.");

    /** Fields with the same meaning wherever they appear (tickets, orders, invoices, their inputs). */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("id", "Opaque global id."),
            Map.entry("version", "Optimistic-locking version; pass it as expectedVersion when updating."),
            Map.entry("expectedVersion", "The version the client last read; the change is refused with STALE_OBJECT when it moved on."),
            Map.entry("userErrors", "Why the mutation changed nothing (empty when it succeeded)."),
            Map.entry("direction", "Ascending or descending."),
            Map.entry("field", "What to sort by."),
            Map.entry("reason", "Why; recorded with the change."),
            Map.entry("to", "The state to move to (only the transitions the state machine allows)."),
            Map.entry("title", "Short summary, shown in lists."),
            Map.entry("description", "Details, as free text."),
            Map.entry("priority", "How urgently it is handled."),
            Map.entry("severity", "How badly the customer or the network is affected."),
            Map.entry("status", "Current status in its lifecycle."),
            Map.entry("state", "Current state in its lifecycle."),
            Map.entry("resolution", "How it was resolved; null until it is."),
            Map.entry("name", "Display name."),
            Map.entry("number", "Human-readable number, unique per kind."),
            Map.entry("quantity", "Number of units."),
            Map.entry("comment", "Optional free-text comment."));

    void describe(@Observes GraphQLSchema.Builder builder) {
        GraphQLSchema described = apply(builder.build());
        builder.query(described.getQueryType())
                .mutation(described.getMutationType())
                .subscription(described.getSubscriptionType())
                .clearAdditionalTypes()
                .additionalTypes(new LinkedHashSet<>(described.getAdditionalTypes()))
                // Directive definitions too: their arguments name the replaced scalars (@constraint).
                .clearDirectives()
                .additionalDirectives(new LinkedHashSet<>(described.getDirectives()))
                .codeRegistry(resolvingToSchemaTypes(described));
    }

    /** The schema's code registry with each interface's and union's resolver returning the schema's own type. */
    private static GraphQLCodeRegistry resolvingToSchemaTypes(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        return registry.transform(codes -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType face ? registry.getTypeResolver(face)
                        : type instanceof GraphQLUnionType union ? registry.getTypeResolver(union) : null;
                if (resolver != null) {
                    codes.typeResolver(type.getName(), environment -> {
                        GraphQLObjectType resolved = resolver.getType(environment);
                        return resolved == null ? null : environment.getSchema().getObjectType(resolved.getName());
                    });
                }
            }
        });
    }

    private static GraphQLSchema apply(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                ScalarSpec spec = SCALARS.get(scalar.getName());
                if (spec == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(builder -> builder.description(spec.description())
                        .specifiedByUrl(spec.url())
                        .withAppliedDirective(Directives.SpecifiedByDirective.toAppliedDirective().transform(directive ->
                                directive.argument(GraphQLAppliedDirectiveArgument.newArgument()
                                        .name("url").type(nonNull(GraphQLString)).valueProgrammatic(spec.url()))))));
            }

            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
                String description = type.getDescription() != null ? null : typeDescription(type.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, type.transform(builder -> builder.description(description)));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType type, TraverserContext<GraphQLSchemaElement> context) {
                String description = type.getDescription() != null ? null : typeDescription(type.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, type.transform(builder -> builder.description(description)));
            }

            @Override
            public TraversalControl visitGraphQLEnumType(GraphQLEnumType type, TraverserContext<GraphQLSchemaElement> context) {
                String description = type.getDescription() != null ? null : typeDescription(type.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, type.transform(builder -> builder.description(description)));
            }

            @Override
            public TraversalControl visitGraphQLEnumValueDefinition(GraphQLEnumValueDefinition value,
                                                                    TraverserContext<GraphQLSchemaElement> context) {
                if (value.getDescription() != null || !(context.getParentNode() instanceof GraphQLEnumType parent)
                        || !parent.getName().endsWith("OrderField")) {
                    return TraversalControl.CONTINUE;
                }
                String words = value.getName().toLowerCase(Locale.ROOT).replace('_', ' ');
                return changeNode(context, value.transform(builder -> builder.description("Sort by " + words + ".")));
            }

            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
                String description = field.getDescription() != null ? null
                        : fieldDescription(parentName(context), field.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, field.transform(builder -> builder.description(description)));
            }

            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument argument, TraverserContext<GraphQLSchemaElement> context) {
                String description = argument.getDescription() != null ? null : ARGUMENTS.get(argument.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, argument.transform(builder -> builder.description(description)));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField field,
                                                                 TraverserContext<GraphQLSchemaElement> context) {
                String description = field.getDescription() != null ? null
                        : fieldDescription(parentName(context), field.getName());
                return description == null ? TraversalControl.CONTINUE
                        : changeNode(context, field.transform(builder -> builder.description(description)));
            }
        });
    }

    private static String parentName(TraverserContext<GraphQLSchemaElement> context) {
        return context.getParentNode() instanceof GraphQLNamedSchemaElement parent ? parent.getName() : "";
    }

    /** "ProblemReportConnection" -> "problem report". */
    private static String subject(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length()).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String typeDescription(String name) {
        if (name.endsWith("Connection")) {
            return "A page of " + subject(name, "Connection") + " items (Relay cursor connection).";
        }
        if (name.endsWith("Edge")) {
            return "One " + subject(name, "Edge") + " of a page, with its cursor.";
        }
        if (name.endsWith("OrderField")) {
            return "What " + subject(name, "OrderField") + " lists can be sorted by.";
        }
        if (name.endsWith("Order")) {
            return "Sort order of " + subject(name, "Order") + " lists.";
        }
        if (name.endsWith("Payload")) {
            return "The result of a " + subject(name, "Payload") + " mutation: the object as it is now, or userErrors.";
        }
        if (name.endsWith("Input")) {
            return "The input of a " + subject(name, "Input") + " mutation.";
        }
        return null;
    }

    private static String fieldDescription(String parent, String field) {
        if (parent.endsWith("Connection")) {
            return switch (field) {
                case "edges" -> "The items of this page, each with its cursor.";
                case "pageInfo" -> "Whether there are pages before and after this one, and their cursors.";
                case "totalCount" -> "How many items match, across all pages.";
                default -> null;
            };
        }
        if (parent.endsWith("Edge")) {
            return switch (field) {
                case "cursor" -> "Opaque cursor of this item: pass it as after: or before: to page from here.";
                case "node" -> "The item.";
                default -> null;
            };
        }
        if (parent.endsWith("Filter")) {
            return "Only the items whose " + field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                    + " is one of these.";
        }
        if (parent.endsWith("Payload") && !FIELDS.containsKey(field)) {
            return "The " + field + " as it is after the mutation; null when userErrors is not empty.";
        }
        return FIELDS.get(field);
    }
}
