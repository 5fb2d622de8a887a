package dev.supportgraph.graph;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The published SDL as a graphql-java schema, for tests of the document analysis without Quarkus. */
final class PublishedSdl {

    private static GraphQLSchema schema;

    private PublishedSdl() {
    }

    static synchronized GraphQLSchema get() {
        if (schema == null) {
            try {
                String sdl = Files.readString(Path.of("src/main/resources/published-schema.graphql"));
                schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
