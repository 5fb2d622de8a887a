package dev.supportgraph.events;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.SmallRyeGraphQLServerMessages;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.AbstractDataFetcher;
import io.smallrye.graphql.execution.datafetcher.MultiDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.eclipse.microprofile.graphql.GraphQLException;

import java.lang.reflect.Field;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.smallrye.graphql.JsonProviderHolder.JSON_PROVIDER;

/**
 * Serves the subscription fields ({@code ticketStatusChanged}, {@code slaAlerts}) with SmallRye's
 * own {@link MultiDataFetcher} but for what a subscription keeps while it lives. SmallRye 2.17's
 * streaming fetcher keeps, in the per-event mapping of the stream, the subscribed field's
 * DataFetchingEnvironment (selection set, execution step) and its request context (a clone with
 * the selected fields as JSON); its context also stays in the execution's GraphQL context, which
 * graphql-java keeps for the subscription's life. This fetcher maps the events with a lean
 * environment (the field's path and location for errors, its name for SmallRye's subscription
 * metrics), and SharedEventRendering lets all subscribers of one rendering share the first one's
 * mapping, so a subscription keeps none of it.
 * <p>
 * The call itself is SmallRye's: arguments, the CDI bean, the errors of the call, and the events'
 * transformation and error mapping (the same helpers). The resolver's own authorization is decided
 * when it is called (see TicketEventService), not later.
 */
@ApplicationScoped
@RegisterForReflection(targets = {GraphQL.Builder.class, AbstractDataFetcher.class}, fields = true, methods = false)
public class LeanSubscriptionFetcher {

    void install(@Observes GraphQL.Builder builder) {
        GraphQLSchema schema = read(GraphQL.Builder.class, "graphQLSchema", builder, GraphQLSchema.class);
        GraphQLObjectType subscription = schema.getSubscriptionType();
        if (subscription == null) {
            return;
        }
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry lean = registry.transform(codes -> subscription.getFieldDefinitions().forEach(field -> {
            FieldCoordinates coordinates = FieldCoordinates.coordinates(subscription, field);
            DataFetcher<?> smallRyes = registry.getDataFetcher(coordinates, field);
            // Every subscription here returns a Multi; anything else would keep SmallRye's weight unnoticed.
            if (smallRyes.getClass() != MultiDataFetcher.class) {
                throw new IllegalStateException("Subscription." + field.getName() + " is served by "
                        + smallRyes.getClass().getName() + ", not SmallRye's MultiDataFetcher: LeanSubscriptionFetcher needs to be checked");
            }
            codes.dataFetcher(coordinates, new Fetcher<>(
                    read(AbstractDataFetcher.class, "operation", smallRyes, Operation.class),
                    read(AbstractDataFetcher.class, "type", smallRyes, Type.class)));
        }));
        builder.schema(schema.transformWithoutTypes(schemaBuilder -> schemaBuilder.codeRegistry(lean)));
    }

    private static <T> T read(Class<?> owner, String name, Object from, Class<T> type) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(from));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + owner.getName() + "." + name
                    + " (SmallRye GraphQL or graphql-java upgraded?): LeanSubscriptionFetcher needs to be checked", e);
        }
    }

    private static final class Fetcher<K, T> extends MultiDataFetcher<K, T> {

        /** graphql-java's empty selection (what a leaf field has). */
        private static final DataFetchingFieldSelectionSet NO_SELECTION =
                DataFetchingFieldSelectionSetImpl.newCollector(null, Scalars.GraphQLString, () -> null);

        Fetcher(Operation operation, Type type) {
            super(operation, type);
        }

        /**
         * SmallRye's call, but its context gets no selection (nothing reads the subscribed field's):
         * rendering it would compute the normalized operation, which the execution memoizes and
         * keeps for the subscription's life. The events' fields render their own selections.
         */
        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return super.get(new DelegatingDataFetchingEnvironment(environment) {
                @Override
                public DataFetchingFieldSelectionSet getSelectionSet() {
                    return NO_SELECTION;
                }
            });
        }

        /** As AbstractStreamingDataFetcher.invokeAndTransform, with the lean environment and context. */
        @Override
        @SuppressWarnings("unchecked")
        protected <O> O invokeAndTransform(Context context, DataFetchingEnvironment environment,
                                           DataFetcherResult.Builder<Object> unused, Object[] arguments) throws Exception {
            DataFetchingEnvironment lean = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                    .executionStepInfo(environment.getExecutionStepInfo())
                    .mergedField(environment.getMergedField())
                    .fieldDefinition(environment.getFieldDefinition())
                    .fieldType(environment.getFieldType())
                    .parentType(environment.getParentType())
                    .graphQLContext(environment.getGraphQlContext())
                    .build();
            SmallRyeContext slim = slim((SmallRyeContext) context);
            // The current context stays in the execution's GraphQL context: the slim one, which the
            // events' resolvers start from as they would from the field's.
            SmallRyeContextManager.restore(slim);
            environment.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, slim);
            return (O) new Events(handleUserMethodCall(environment, arguments), new Mapping(lean, slim));
        }

        /**
         * How this field's events and failure become results, for its subscribers: SharedEventRendering
         * lets all subscribers of one rendering use the first one's, so the others keep neither
         * their field's environment nor their context.
         */
        private final class Mapping implements EventMapping {

            private final DataFetchingEnvironment lean;
            private final SmallRyeContext context;
            /**
             * The last event's result: a fan-out hands one event object to all subscribers in a row
             * (the dispatcher maps it once), so it is mapped once for all who share this mapping.
             */
            private volatile Mapped last;

            private record Mapped(Object event, DataFetcherResult<Object> result) {
            }

            Mapping(DataFetchingEnvironment lean, SmallRyeContext context) {
                this.lean = lean;
                this.context = context;
            }

            @Override
            public void started() {
                metricsEmitter.subscriptionStart(context);
            }

            @Override
            public void ended() {
                metricsEmitter.subscriptionEnd(context);
            }

            @Override
            public DataFetcherResult<Object> event(Object event) {
                Mapped mapped = last;
                if (mapped != null && mapped.event() == event) {
                    return mapped.result();
                }
                DataFetcherResult.Builder<Object> result = result();
                try {
                    DataFetcherResult<Object> data = result.data(fieldHelper.transformOrAdaptResponse(event, lean)).build();
                    last = new Mapped(event, data);
                    return data;
                } catch (AbstractDataFetcherException e) {
                    e.appendDataFetcherResult(result, lean);
                    eventEmitter.fireOnDataFetchError(context, e);
                    return result.build();
                }
            }

            /** The stream's failure (e.g. SUBSCRIBER_TOO_SLOW) as its last item, as SmallRye reports it. */
            @Override
            public DataFetcherResult<Object> failure(Throwable failure) {
                DataFetcherResult.Builder<Object> result = result();
                eventEmitter.fireOnDataFetchError(context, failure);
                if (failure instanceof GraphQLException graphQL) {
                    errorResultHelper.appendPartialResult(result, lean, graphQL);
                } else if (failure instanceof Exception) {
                    errorResultHelper.appendException(result, lean,
                            SmallRyeGraphQLServerMessages.msg.dataFetcherException(operation, failure));
                } else if (failure instanceof Error) {
                    errorResultHelper.appendException(result, lean, failure);
                }
                return result.build();
            }

            private DataFetcherResult.Builder<Object> result() {
                return DataFetcherResult.newResult().localContext(lean.getGraphQlContext());
            }
        }

        /**
         * The field's context without its environment, arguments and selected fields, and of the
         * request's JSON only the query (the same string the execution input keeps): its variables
         * are the execution's coerced ones.
         */
        private static SmallRyeContext slim(SmallRyeContext field) {
            SmallRyeContext slim = field.clone();
            slim.setRequest(JSON_PROVIDER.createObjectBuilder().add("query", field.getExecutionInput().getQuery()).build());
            slim.setDataFetchingEnvironment(null);
            slim.setArguments(null);
            slim.setSource(null);
            slim.setSelectedFields(null);
            slim.setSelectedAndSourceFields(null);
            return slim;
        }
    }

    /** How a subscription field's events and failure become results (see the fetcher's Mapping). */
    interface EventMapping {
        void started();

        void ended();

        DataFetcherResult<Object> event(Object event);

        DataFetcherResult<Object> failure(Throwable failure);
    }

    /**
     * A subscription's events as SmallRye's Mutiny operators (transform, onSubscription,
     * onTermination, recoverWithItem) would pass them on, without those operators: with context
     * propagation each of them captures the request's contexts for the life of the subscription.
     * The events need none of those captures: they are handed over on the subscriber's own Vert.x
     * context (see EventSubscription), and rendered in a request context of their own (see
     * SharedEventRendering).
     */
    static final class Events implements Publisher<Object> {

        private final Flow.Publisher<?> upstream;
        private final EventMapping mapping;

        Events(Flow.Publisher<?> upstream, EventMapping mapping) {
            this.upstream = upstream;
            this.mapping = mapping;
        }

        EventMapping mapping() {
            return mapping;
        }

        /** The same events, mapped by another (equivalent) mapping. */
        Events mappedBy(EventMapping other) {
            return new Events(upstream, other);
        }

        @Override
        public void subscribe(Subscriber<? super Object> downstream) {
            AtomicBoolean ended = new AtomicBoolean();
            Runnable end = () -> {
                if (ended.compareAndSet(false, true)) {
                    mapping.ended();
                }
            };
            upstream.subscribe(new Flow.Subscriber<Object>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    mapping.started();
                    downstream.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                            subscription.request(n);
                        }

                        @Override
                        public void cancel() {
                            end.run();
                            subscription.cancel();
                        }
                    });
                }

                @Override
                public void onNext(Object event) {
                    downstream.onNext(mapping.event(event));
                }

                /**
                 * The failure as the stream's last item. It is sent without waiting for demand:
                 * the subscriber asks for the next item as soon as it has sent one.
                 */
                @Override
                public void onError(Throwable failure) {
                    end.run();
                    downstream.onNext(mapping.failure(failure));
                    downstream.onComplete();
                }

                @Override
                public void onComplete() {
                    end.run();
                    downstream.onComplete();
                }
            });
        }
    }
}
