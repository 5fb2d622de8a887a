package dev.supportgraph.events;

import dev.supportgraph.security.Caller;
import graphql.ExecutionResult;
import graphql.language.SourceLocation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.ref.Cleaner;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.MergedField;
import graphql.execution.NonNullableFieldValidator;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.reactive.SubscriptionPublisher;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Renders each subscription event once per distinct selection and read scope and shares the
 * result among the subscribers that would render it alike. In the fan-out of one event, every
 * subscriber otherwise ran its selection (resolvers, batch loads, SQL) and graphql-java's
 * per-event execution and instrumentation on its own; now the first one does, and the others get
 * its result, whose message payload is written to text once ({@link RenderedEvent}). Subscribers that render
 * alike also share one {@link Renderer}: the execution that renders for them all, so that an idle
 * subscription keeps neither its own execution nor a request context.
 */
@ApplicationScoped
public class SharedEventRendering {

    @Inject
    Caller caller;

    @Inject
    EventsConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    /** Where Quarkus' SmallRye resolvers look for the request context to activate (RequestContextHelper). */
    static final String REQUEST_STATE = "state";

    /** Recent renderings, least recently used first; bounded by the configuration. */
    private Map<Rendering, CompletableFuture<ExecutionResult>> renderings;
    /** The renderer of each rendering key, while a subscriber uses it. */
    private final Map<String, WeakReference<Renderer>> renderers = new ConcurrentHashMap<>();

    void install(@Observes GraphQL.Builder builder) {
        int capacity = config.sharedRenderings();
        renderings = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Rendering, CompletableFuture<ExecutionResult>> eldest) {
                return size() > capacity;
            }
        });
        // The exception handler SmallRye gives its own strategies, so errors look the same.
        builder.subscriptionExecutionStrategy(new Strategy(new ExceptionHandler()));
    }

    /** One event's rendering for one selection and read scope. */
    private record Rendering(Object event, String key) {
    }

    /**
     * What renders the events of all subscribers with one rendering key: the execution of the first
     * of them (document, variables, GraphQL context) and its field's mapping. The others keep only
     * this, not their own execution, which an idle subscription would otherwise hold for its whole life.
     */
    private static final class Renderer {

        private final String key;
        private final ExecutionContext context;
        private final ExecutionStrategyParameters parameters;
        private final LeanSubscriptionFetcher.EventMapping mapping;
        /** The last event's rendering: the subscribers of a fan-out ask for it in a row. */
        private volatile Shared last;
        /** The rendering under way or done last; the next one starts when it is done. Guarded by this. */
        private CompletableFuture<?> rendering = CompletableFuture.completedFuture(null);

        Renderer(String key, ExecutionContext context, ExecutionStrategyParameters parameters,
                 LeanSubscriptionFetcher.EventMapping mapping) {
            this.key = key;
            this.context = context;
            this.parameters = parameters;
            this.mapping = mapping;
        }
    }

    /** A mapped event (the same object for all subscribers of a renderer) and its rendering. */
    private record Shared(Object event, CompletableFuture<ExecutionResult> rendering) {
    }

    /** Ends a renderer's request context once no subscriber uses the renderer any more. */
    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * The renderer of this key, or this execution's as a new one. Its resolvers run in a request
     * context of its own with the subscriber's identity: the subscriber's own ends with its
     * subscription's first answer (GraphQLOverWebSocket), and the subscriber may leave before others.
     */
    private Renderer renderer(String key, ExecutionContext context, ExecutionStrategyParameters parameters,
                              LeanSubscriptionFetcher.EventMapping mapping, SecurityIdentity identity) {
        WeakReference<Renderer> known = renderers.get(key);
        Renderer renderer = known == null ? null : known.get();
        if (renderer != null) {
            return renderer;
        }
        if (renderers.size() >= config.sharedRenderings()) {
            renderers.values().removeIf(reference -> reference.get() == null);
        }
        InjectableContext.ContextState requestState = requestState(identity);
        context.getGraphQLContext().put(REQUEST_STATE, requestState);
        renderer = new Renderer(key, context, parameters, mapping);
        CLEANER.register(renderer, () -> Arc.container().requestContext().destroy(requestState));
        renderers.put(key, new WeakReference<>(renderer));
        return renderer;
    }

    private final class Strategy extends SubscriptionExecutionStrategy {

        Strategy(ExceptionHandler handler) {
            super(handler);
        }

        /**
         * graphql-java's subscription, but its events are mapped and rendered by the {@link Renderer}
         * of its rendering key: what decides how this subscription's events render. That is its
         * selection below the subscribed field (arguments and variables resolved, so the
         * subscription's own filter arguments do not matter), where the field is in the document
         * (error locations) and the subscriber's read scope, taken now while its request is current.
         */
        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            StringBuilder key = new StringBuilder(caller.readScope()).append('|');
            // Not the context's memoized tree: that one would stay with the subscription's execution
            // for its whole life.
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                    context.getGraphQLSchema(), context.getOperationDefinition(), context.getFragmentsByName(),
                    context.getCoercedVariables());
            SourceLocation location = parameters.getFields().getSubField(parameters.getFields().getKeys().getFirst())
                    .getSingleField().getSourceLocation();
            if (location != null) {
                key.append(location.getLine()).append(':').append(location.getColumn()).append('|');
            }
            // The subscribed field's result key names it in the result and in error paths.
            operation.getTopLevelFields().forEach(field -> {
                key.append(field.getResultKey()).append('{');
                selection(field.getChildren(), key);
                key.append('}');
            });
            SecurityIdentity identity = identities.getIdentity();
            return super.execute(context, parameters).thenApply(result -> {
                if (!(result.getData() instanceof SubscriptionPublisher published)
                        || !(published.getUpstreamPublisher() instanceof LeanSubscriptionFetcher.Events events)) {
                    return result;
                }
                Renderer renderer = renderer(key.toString(), context, parameters, events.mapping(), identity);
                return ExecutionResultImpl.newExecutionResult().from(result)
                        .data(new RenderedEvents(events.mappedBy(renderer.mapping), event -> event(renderer, event))).build();
            });
        }

        /** One event's result for a subscriber: a rendering shared with its like, or its own if it failed to map. */
        private CompletionStage<ExecutionResult> event(Renderer renderer, Object event) {
            if (!(event instanceof DataFetcherResult<?> fetched) || fetched.hasErrors() || fetched.getData() == null) {
                return exclusive(renderer, event);
            }
            Shared last = renderer.last;
            if (last != null && last.event() == event && !last.rendering().isCompletedExceptionally()) {
                return last.rendering();
            }
            CompletableFuture<ExecutionResult> shared = shared(renderer, fetched);
            renderer.last = new Shared(event, shared);
            return shared;
        }

        /** The rendering of this event for this renderer's key, made now or by another subscriber before. */
        private CompletableFuture<ExecutionResult> shared(Renderer renderer, DataFetcherResult<?> fetched) {
            Rendering rendering = new Rendering(fetched.getData(), renderer.key);
            CompletableFuture<ExecutionResult> mine = new CompletableFuture<>();
            CompletableFuture<ExecutionResult> shared = renderings.putIfAbsent(rendering, mine);
            if (shared != null) {
                return shared;
            }
            exclusive(renderer, fetched).whenComplete((result, failure) -> {
                if (failure == null) {
                    mine.complete(result);
                } else {
                    renderings.remove(rendering, mine);
                    mine.completeExceptionally(failure);
                }
            });
            return mine;
        }

        /**
         * Renders one event of this renderer at a time. Its executions share one request context
         * (one EntityManager, which is not thread-safe); subscribers of one key on different event
         * loops replaying their own copies of the events would otherwise render at once and break
         * each other's statements. The next rendering runs on its subscriber's own context.
         */
        private CompletableFuture<ExecutionResult> exclusive(Renderer renderer, Object event) {
            Context context = Vertx.currentContext();
            CompletableFuture<ExecutionResult> mine = new CompletableFuture<>();
            CompletableFuture<?> before;
            synchronized (renderer) {
                before = renderer.rendering;
                renderer.rendering = mine;
            }
            before.whenComplete((ignored, failure) -> {
                if (context == null || context == Vertx.currentContext()) {
                    renderInto(renderer, event, mine);
                } else {
                    context.runOnContext(v -> renderInto(renderer, event, mine));
                }
            });
            return mine;
        }

        private void renderInto(Renderer renderer, Object event, CompletableFuture<ExecutionResult> into) {
            try {
                render(renderer, event).whenComplete((result, failure) -> {
                    if (failure == null) {
                        into.complete(result);
                    } else {
                        into.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                into.completeExceptionally(e);
            }
        }

        /**
         * As graphql-java's (private) executeSubscriptionEvent: the subscribed field completed with
         * the event in an execution context of its own, with the same instrumentation (the lazy
         * DataLoaders are emptied after each event, unexpected errors masked).
         */
        private CompletableFuture<ExecutionResult> render(Renderer renderer, Object event) {
            ExecutionContext subscription = renderer.context;
            ExecutionStrategyParameters parameters = renderer.parameters;
            Instrumentation instrumentation = subscription.getInstrumentation();
            ExecutionContext context = subscription.transform(builder -> builder.root(event).resetErrors());
            MergedField field = parameters.getFields().getSubField(parameters.getFields().getKeys().getFirst());
            ExecutionStrategyParameters fieldParameters = parameters.transform(builder -> builder.field(field)
                    .path(parameters.getPath().segment(mkNameForPath(field.getSingleField())))
                    .nonNullFieldValidator(new NonNullableFieldValidator(context)));
            InstrumentationContext<ExecutionResult> fieldEvent = SimpleInstrumentationContext.nonNullCtx(instrumentation.beginSubscribedFieldEvent(
                    new InstrumentationFieldParameters(subscription, () -> stepInfo(subscription, fieldParameters)),
                    subscription.getInstrumentationState()));
            FetchedValue fetched = unboxPossibleDataFetcherResult(context, parameters, event);
            CompletableFuture<ExecutionResult> result = completeField(context, fieldParameters, fetched).getFieldValueFuture()
                    .thenApply(value -> new ExecutionResultImpl(Collections.singletonMap(field.getResultKey(), value),
                            context.getErrors()));
            fieldEvent.onDispatched();
            result.whenComplete(fieldEvent::onCompleted);
            InstrumentationExecutionParameters executionParameters = new InstrumentationExecutionParameters(
                    subscription.getExecutionInput(), subscription.getGraphQLSchema());
            return result.thenCompose(rendered -> instrumentation.instrumentExecutionResult(rendered, executionParameters,
                    subscription.getInstrumentationState())).<ExecutionResult>thenApply(RenderedEvent::new);
        }

        private ExecutionStepInfo stepInfo(ExecutionContext context, ExecutionStrategyParameters parameters) {
            GraphQLObjectType parentType = (GraphQLObjectType) parameters.getExecutionStepInfo().getUnwrappedNonNullType();
            GraphQLFieldDefinition definition = getFieldDef(context.getGraphQLSchema(), parentType, parameters.getField().getSingleField());
            return createExecutionStepInfo(context, parameters, definition, parentType);
        }
    }

    /**
     * A subscription's results: its events, each replaced by its (shared) rendering, in order. As
     * graphql-java's SubscriptionPublisher, but an event whose rendering is done (every subscriber
     * of a fan-out but the first) is passed on at once, without the ordering queue, locks and
     * future chains graphql-java keeps for each subscriber and event.
     */
    private static final class RenderedEvents implements Publisher<ExecutionResult> {

        private final Publisher<Object> events;
        private final Function<Object, CompletionStage<ExecutionResult>> rendering;

        RenderedEvents(Publisher<Object> events, Function<Object, CompletionStage<ExecutionResult>> rendering) {
            this.events = events;
            this.rendering = rendering;
        }

        @Override
        public void subscribe(Subscriber<? super ExecutionResult> downstream) {
            events.subscribe(new Subscriber<>() {
                /** Done when everything before has been passed on (signals come one at a time). */
                private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
                private Subscription subscription;
                /** Set once a rendering failed: the stream ended there, as graphql-java's would. */
                private volatile boolean failed;

                @Override
                public void onSubscribe(Subscription subscription) {
                    this.subscription = subscription;
                    downstream.onSubscribe(subscription);
                }

                @Override
                public void onNext(Object event) {
                    if (failed) {
                        return;
                    }
                    CompletableFuture<ExecutionResult> rendered = rendering.apply(event).toCompletableFuture();
                    if (previous.isDone() && rendered.isDone() && !rendered.isCompletedExceptionally()) {
                        downstream.onNext(rendered.join());
                        return;
                    }
                    previous = previous.thenCompose(v -> rendered).whenComplete((result, failure) -> {
                        if (failure == null) {
                            downstream.onNext(result);
                        } else if (!failed) {
                            failed = true;
                            subscription.cancel();
                            downstream.onError(failure);
                        }
                    });
                }

                @Override
                public void onError(Throwable failure) {
                    previous.whenComplete((v, f) -> {
                        if (!failed) {
                            downstream.onError(failure);
                        }
                    });
                }

                @Override
                public void onComplete() {
                    previous.whenComplete((v, f) -> {
                        if (!failed) {
                            downstream.onComplete();
                        }
                    });
                }
            });
        }
    }

    /**
     * A new request context with this identity, inactive: SmallRye's resolvers activate the state
     * they find in the GraphQL context under {@link #REQUEST_STATE} for each call.
     */
    private InjectableContext.ContextState requestState(SecurityIdentity identity) {
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        requests.activate();
        try {
            identities.setIdentity(identity);
            return requests.getState();
        } finally {
            requests.deactivate();
            if (outer != null) {
                requests.activate(outer);
            }
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
