package dev.supportgraph.graph;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.reflect.Field;

import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLTypeReference.typeRef;

/**
 * Declares {@code nodes(ids:)} as {@code [ID!]!}, the type Relay and typed clients send. SmallRye
 * GraphQL 2.17 fails to coerce a list argument marked {@code @Id}, so the Java method takes
 * {@code List<String>} and the schema SmallRye builds (fired as a CDI event with
 * {@code quarkus.smallrye-graphql.events.enabled}) gets the argument's type here; ID values arrive as
 * strings either way.
 */
@ApplicationScoped
@RegisterForReflection(targets = GraphQLSchema.Builder.class, fields = true, methods = false)
public class NodesIdArgument {

    void declare(@Observes GraphQLSchema.Builder builder) {
        GraphQLObjectType query = queryType(builder);
        GraphQLFieldDefinition nodes = query.getFieldDefinition("nodes");
        builder.query(query.transform(type -> type.field(nodes.transform(field -> field.argument(
                nodes.getArgument("ids").transform(argument -> argument.type(nonNull(list(nonNull(typeRef("ID")))))))))));
    }

    private static GraphQLObjectType queryType(GraphQLSchema.Builder builder) {
        try {
            Field field = GraphQLSchema.Builder.class.getDeclaredField("queryType");
            field.setAccessible(true);
            return (GraphQLObjectType) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot declare nodes(ids:) as [ID!]!", e);
        }
    }
}
