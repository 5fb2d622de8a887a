package dev.supportgraph.graph;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.DelegatingDataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the DataLoader registry SmallRye builds for every execution (a DataLoader for each of
 * the schema's batch operations, about 130) by one that creates a loader when a field first asks for it.
 * A subscription's execution keeps its registry for as long as the subscription lives (the eager
 * one was ~100 KB of heap per idle subscription), and graphql-java dispatches every registered
 * loader after each field of a subscription event and at each level of a query.
 */
final class LazyDataLoaders implements Instrumentation {

    /**
     * SmallRye's loaders of the first execution, by name, as templates: their batch functions and
     * options hold no per-request state (the request travels in each load's key context).
     */
    private volatile Map<String, DataLoader<?, ?>> templates;

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        DataLoaderRegistry eager = input.getDataLoaderRegistry();
        if (eager instanceof Registry || eager.getKeys().isEmpty()) {
            return input;
        }
        if (templates == null) {
            templates = Map.copyOf(eager.getDataLoadersMap());
        }
        // SmallRye's context keeps the original input, and with it this registry, for as long as
        // the execution lives: emptied, its loaders are garbage right away.
        eager.getKeys().forEach(eager::unregister);
        Registry lazy = new Registry(templates);
        return input.transform(builder -> builder.dataLoaderRegistry(lazy));
    }

    /**
     * Each event of a subscription is executed with the subscription's registry: its loaders'
     * caches are emptied after every event, or they would keep every event's results (keyed by
     * the event) for the life of the subscription.
     */
    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
                                                                             InstrumentationState state) {
        DataLoaderRegistry registry = parameters.getExecutionContext().getDataLoaderRegistry();
        return SimpleInstrumentationContext.whenCompleted((result, failure) ->
                registry.getDataLoaders().forEach(DataLoader::clearAll));
    }

    /**
     * A batch field with arguments gets a loader of its own per distinct arguments. SmallRye
     * (2.17, {@code BatchDataFetcher}) loads every field of one operation through one loader keyed
     * by the source object: two aliases of a field with different arguments under the same parent
     * ({@code a: orders(first: 1) b: orders(last: 2)}) would share one batch, run with the first
     * one's arguments, and the second would get the first one's cached answer.
     */
    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(fetcher instanceof BatchDataFetcher<?>)) {
            return fetcher;
        }
        return environment -> {
            Map<String, Object> arguments = environment.getArguments();
            if (arguments.isEmpty()) {
                return fetcher.get(environment);
            }
            // Once per field of the document and execution, not per parent: the arguments are the same for all.
            Map<Field, String> keys = environment.getGraphQlContext().computeIfAbsent(LOADER_KEYS,
                    ignored -> new ConcurrentHashMap<Field, String>());
            String perArguments = keys.computeIfAbsent(environment.getField(), ignored -> ARGUMENTS + arguments);
            return fetcher.get(new DelegatingDataFetchingEnvironment(environment) {
                @Override
                public <K, V> DataLoader<K, V> getDataLoader(String name) {
                    return super.getDataLoader(name + perArguments);
                }
            });
        };
    }

    /** Separates a loader's name from the arguments it loads with (see {@link #instrumentDataFetcher}). */
    private static final String ARGUMENTS = "\u0000";

    /** The execution's GraphQL context key of the loader name suffix per document field. */
    private static final String LOADER_KEYS = LazyDataLoaders.class.getName() + ".keys";

    /** Creates each loader on first use; dispatching visits only the loaders created so far. */
    private static final class Registry extends DataLoaderRegistry {

        private final Map<String, DataLoader<?, ?>> templates;

        Registry(Map<String, DataLoader<?, ?>> templates) {
            this.templates = templates;
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            int arguments = key.indexOf(ARGUMENTS);
            DataLoader<?, ?> template = templates.get(arguments < 0 ? key : key.substring(0, arguments));
            return template == null ? super.getDataLoader(key)
                    : computeIfAbsent(key, name -> DataLoaderFactory.builder(template).name(name).build());
        }
    }
}
