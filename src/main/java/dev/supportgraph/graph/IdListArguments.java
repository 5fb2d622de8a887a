package dev.supportgraph.graph;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * Declares {@code nodes(ids:)} as {@code [ID!]!}, the type Relay and typed clients give their id
 * variables. SmallRye GraphQL 2.17 declares a method argument {@code @Id List<String>} as a list of
 * ids but then fails to convert it (a "not a valid Unknown Scalar Type [java.util.List]" error), so
 * the resolver keeps {@code List<String>} and the argument's type is set here, on the builder SmallRye
 * fires before it builds the schema: the executed schema, introspection and the published SDL all say
 * {@code [ID!]!}, and graphql-java hands the resolver the ids as strings.
 */
@ApplicationScoped
public class IdListArguments {

    void declare(@Observes GraphQLSchema.Builder builder) {
        GraphQLObjectType query = builder.build().getQueryType();
        GraphQLFieldDefinition nodes = query.getFieldDefinition("nodes");
        GraphQLArgument ids = nodes.getArgument("ids");
        builder.query(query.transform(type -> type.field(nodes.transform(field -> field.argument(
                ids.transform(argument -> argument.type(nonNull(list(nonNull(GraphQLID))))))))));
    }
}
