package dev.supportgraph.graph;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLNamedType;

import java.util.List;
import java.util.Set;

/**
 * graphql-java declares {@code @defer} in every schema, but this server answers every request in one
 * piece (no incremental delivery over HTTP or WebSocket): introspection does not list it, so that
 * clients do not plan on receiving parts (the SDL leaves it out too, see {@link PublishedSchema}).
 */
final class UnsupportedDirectives extends SimplePerformantInstrumentation {

    static final Set<String> NAMES = Set.of("defer", "stream");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!parameters.isTrivialDataFetcher()
                || !(parameters.getEnvironment().getParentType() instanceof GraphQLNamedType parent)
                || !parent.getName().equals(Introspection.__Schema.getName())
                || !parameters.getEnvironment().getField().getName().equals("directives")) {
            return dataFetcher;
        }
        return env -> dataFetcher.get(env) instanceof List<?> directives
                ? directives.stream().filter(d -> !(d instanceof GraphQLDirective directive && NAMES.contains(directive.getName()))).toList()
                : null;
    }
}
