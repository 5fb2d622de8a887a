package dev.supportgraph.events;

import dev.supportgraph.security.Caller;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.FieldValueInfo;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Renders each subscription event once per distinct selection and read scope and shares the
 * result among the subscribers that would render it alike. In the fan-out of one event, every
 * subscriber otherwise ran its selection (resolvers, batch loads, SQL) on its own.
 */
@ApplicationScoped
public class SharedEventRendering {

    /** Where a subscription's rendering key is kept (its GraphQL context lives as long as it). */
    private static final String KEY = SharedEventRendering.class.getName();

    @Inject
    Caller caller;

    @Inject
    EventsConfig config;

    /** Recent renderings, least recently used first; bounded by the configuration. */
    private Map<Rendering, CompletableFuture<Rendered>> renderings;

    void install(@Observes GraphQL.Builder builder) {
        int capacity = config.sharedRenderings();
        renderings = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Rendering, CompletableFuture<Rendered>> eldest) {
                return size() > capacity;
            }
        });
        // The exception handler SmallRye gives its own strategies, so errors look the same.
        builder.subscriptionExecutionStrategy(new Strategy(new ExceptionHandler()));
    }

    /** One event's rendering for one selection and read scope. */
    private record Rendering(Object event, String subscriber) {
    }

    /** The rendered event with the errors its rendering raised (each subscriber reports them). */
    private record Rendered(Object value, List<GraphQLError> errors) {
    }

    private final class Strategy extends SubscriptionExecutionStrategy {

        Strategy(ExceptionHandler handler) {
            super(handler);
        }

        /**
         * Remembers what decides the rendering of this subscription's events: its selection below
         * the subscribed field (arguments and variables resolved, so the subscription's own
         * filter arguments do not matter) and the subscriber's read scope, taken now while its
         * request is current.
         */
        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            StringBuilder key = new StringBuilder(caller.readScope()).append('|');
            // Not the context's memoized tree: that one would stay with the subscription's execution
            // for its whole life.
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                    context.getGraphQLSchema(), context.getOperationDefinition(), context.getFragmentsByName(),
                    context.getCoercedVariables());
            // The subscribed field's result key names it in error paths.
            operation.getTopLevelFields().forEach(field -> {
                key.append(field.getResultKey()).append('{');
                selection(field.getChildren(), key);
                key.append('}');
            });
            context.getGraphQLContext().put(KEY, key.toString());
            return super.execute(context, parameters);
        }

        /**
         * Called for the subscribed field with each event; renders it or takes a shared rendering.
         * Either way the value is the rendering's JSON text ({@link PreRenderedJson}), written as it
         * is into every subscriber's message.
         */
        @Override
        protected FieldValueInfo completeField(ExecutionContext context, ExecutionStrategyParameters parameters, FetchedValue fetched) {
            String subscriber = context.getGraphQLContext().get(KEY);
            if (subscriber == null || fetched.getFetchedValue() == null || parameters.getPath().getLevel() != 1) {
                return super.completeField(context, parameters, fetched);
            }
            Rendering rendering = new Rendering(fetched.getFetchedValue(), subscriber);
            CompletableFuture<Rendered> mine = new CompletableFuture<>();
            CompletableFuture<Rendered> shared = renderings.putIfAbsent(rendering, mine);
            if (shared == null) {
                super.completeField(context, parameters, fetched).getFieldValueFuture().whenComplete((value, failure) -> {
                    if (failure == null) {
                        mine.complete(new Rendered(PreRenderedJson.of(value), List.copyOf(context.getErrors())));
                    } else {
                        renderings.remove(rendering, mine);
                        mine.completeExceptionally(failure);
                    }
                });
                return new FieldValueInfo(FieldValueInfo.CompleteValueType.OBJECT, mine.thenApply(Rendered::value));
            }
            CompletableFuture<Object> value = shared.thenApply(rendered -> {
                rendered.errors().forEach(context::addError);
                return rendered.value();
            });
            return new FieldValueInfo(FieldValueInfo.CompleteValueType.OBJECT, value);
        }
    }

    /** The selected fields in a canonical form: type conditions, result keys, names, resolved arguments. */
    private static void selection(List<ExecutableNormalizedField> fields, StringBuilder out) {
        for (ExecutableNormalizedField field : fields) {
            out.append(field.getObjectTypeNames()).append(field.getResultKey()).append(':').append(field.getName())
                    .append(field.getResolvedArguments());
            if (!field.getChildren().isEmpty()) {
                out.append('{');
                selection(field.getChildren(), out);
                out.append('}');
            }
        }
    }
}
