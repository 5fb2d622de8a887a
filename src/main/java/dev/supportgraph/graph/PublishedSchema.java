package dev.supportgraph.graph;

import graphql.Directives;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaPrinter;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;

import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * The SDL served on /graphql/schema.graphql (and committed as published-schema.graphql): a complete
 * schema that schema-first tools (codegen, relay-compiler, graphql-inspector) can build on their
 * own. SmallRye's printer leaves the custom scalars out, or with the scalars prints every built-in
 * directive too, so the schema is printed here with graphql-java's printer options: custom scalars
 * with their {@code @specifiedBy}, the application's directive definitions, no built-in ones.
 */
@ApplicationScoped
public class PublishedSchema {

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

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeScalarTypes(true)
            .includeDirectives(true)
            .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name)
                    && !UnsupportedDirectives.NAMES.contains(name))
            .includeSchemaDefinition(false)
            .includeIntrospectionTypes(false));

    @Inject
    Instance<GraphQLSchema> schema;

    private volatile String sdl;

    /** The SDL, printed once (the schema does not change while the application runs). */
    public String sdl() {
        String printed = sdl;
        if (printed == null) {
            printed = PRINTER.print(withScalarSpecifications(schema.get()));
            sdl = printed;
        }
        return printed;
    }

    private static GraphQLSchema withScalarSpecifications(GraphQLSchema schema) {
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
        });
    }
}
