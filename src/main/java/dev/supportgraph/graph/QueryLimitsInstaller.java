package dev.supportgraph.graph;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.compiled.CompiledQueries;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds the query limits, the direct reading of record fields ({@link RecordFieldAccess}) and the
 * lazy DataLoader registry ({@link LazyDataLoaders}) to the graphql-java engine SmallRye builds (it
 * fires the builder as a CDI event when {@code quarkus.smallrye-graphql.events.enabled=true}). SmallRye offers no way to add an
 * instrumentation to its own chain (its query cache is one), so the chain is read from the builder
 * and extended; failing to do so stops the start-up rather than running without limits.
 */
@ApplicationScoped
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true, methods = false)
public class QueryLimitsInstaller {

    @Inject
    QueryLimits limits;

    @Inject
    SupportGraphConfig config;

    @Inject
    IntrospectionAccess introspection;

    @Inject
    RecordFieldAccess recordFieldAccess;

    @Inject
    CompiledQueries compiled;

    @Inject
    MeterRegistry registry;

    void install(@Observes GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation smallRyes = current(builder);
        if (smallRyes != null) {
            chain.add(smallRyes);
        }
        // First to see SmallRye's data fetchers, before any wrapping (it looks for its batch fetchers).
        chain.add(new LazyDataLoaders());
        // Before validation and everything else of ours: the document's cost, counted without expanding it.
        chain.add(new QueryGuard(limits, costLimits(limits, config.paging()), inputLimits(limits), introspection,
                compiled));
        chain.add(recordFieldAccess);
        chain.add(new UnsupportedDirectives());
        chain.add(new OperationTimer(registry));
        builder.instrumentation(new ChainedInstrumentation(chain));
        // The same token limit for documents that reach SmallRye without GraphQLHttpFilter (WebSocket).
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens())));
    }

    static QueryCost.Limits costLimits(QueryLimits limits, SupportGraphConfig.Paging paging) {
        return new QueryCost.Limits(limits.maxDepth(), limits.maxCost(), limits.maxAliases(),
                limits.maxResponseSize().asLongValue(), paging.defaultSize(), paging.maxSize(), limits.assumedListSize(),
                limits.estimatedTextBytes(), limits.maxLongTextLength(), Set.copyOf(limits.longTextOutputs()));
    }

    static InputCheck.Limits inputLimits(QueryLimits limits) {
        return new InputCheck.Limits(limits.maxTextLength(), limits.maxLongTextLength(), Set.copyOf(limits.longTextFields()),
                limits.minYear(), limits.maxYear());
    }

    private static Instrumentation current(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot extend the GraphQL instrumentation with the query limits", e);
        }
    }
}
