package dev.supportgraph.graph;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaPrinter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The SDL served on /graphql/schema.graphql (and committed as published-schema.graphql): a complete
 * schema that schema-first tools (codegen, relay-compiler, graphql-inspector) can build on their
 * own. SmallRye's printer leaves the custom scalars out, or with the scalars prints every built-in
 * directive too, so the executed schema (described by {@link SchemaConventions}) is printed here with
 * graphql-java's printer options: custom scalars with their {@code @specifiedBy}, the application's
 * directive definitions, no built-in ones.
 */
@ApplicationScoped
public class PublishedSchema {

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeScalarTypes(true)
            .includeDirectives(true)
            .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name)
                    && !UnsupportedDirectives.NAMES.contains(name))
            .includeSchemaDefinition(false)
            .includeIntrospectionTypes(false));

    /** SmallRye's schema bean, the schema the engine runs. */
    @Inject
    Instance<GraphQLSchema> schema;

    private volatile String sdl;

    /** The SDL, printed once (the schema does not change while the application runs). */
    public String sdl() {
        String printed = sdl;
        if (printed == null) {
            printed = PRINTER.print(schema.get());
            sdl = printed;
        }
        return printed;
    }
}
