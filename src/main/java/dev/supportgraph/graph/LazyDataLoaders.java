package dev.supportgraph.graph;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

import java.util.Map;

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

    /** Creates each loader on first use; dispatching visits only the loaders created so far. */
    private static final class Registry extends DataLoaderRegistry {

        private final Map<String, DataLoader<?, ?>> templates;

        Registry(Map<String, DataLoader<?, ?>> templates) {
            this.templates = templates;
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<?, ?> template = templates.get(key);
            return template == null ? super.getDataLoader(key)
                    : computeIfAbsent(key, name -> DataLoaderFactory.builder(template).build());
        }
    }
}
