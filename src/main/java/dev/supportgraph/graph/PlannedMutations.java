package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.observability.OperationSpans;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Answers a document that is one mutation field a domain plans ({@link PlannedMutation}), without
 * the GraphQL engine, on the event loop, as graph.compiled.CompiledQueries answers reads. Only the plain
 * form is taken: one operation, one root field without directives, its {@code input} either one
 * variable of the input type (the only variable) or a literal object without variables, no
 * fragments. Every other document, and every request the domain declines, goes to the engine.
 * <p>
 * At most half the reactive pool's connections run planned mutations at a time; the others go to
 * the engine (the JDBC pool). A mutation may wait on a row lock until its deadline, and planned
 * reads share the reactive pool: without the bound, a few stuck changes of one ticket would hold
 * every connection and queue everyone's reads behind them (StarvationTest).
 */
@ApplicationScoped
public class PlannedMutations {

    private final Map<String, PlannedMutation> byField = new HashMap<>();
    private final Timer answered;
    private final OperationSpans spans;
    private final Semaphore connections;

    @Inject
    PlannedMutations(Instance<PlannedMutation> mutations, MeterRegistry registry, OperationSpans spans,
                     @ConfigProperty(name = "quarkus.datasource.reactive.max-size") int reactivePoolSize) {
        mutations.forEach(mutation -> mutation.fields().forEach(field -> byField.put(field, mutation)));
        this.spans = spans;
        this.connections = new Semaphore(Math.max(1, reactivePoolSize / 2));
        this.answered = Timer.builder("supportgraph.graphql.compiled.mutation")
                .description("GraphQL mutations answered by one SQL statement without the engine (they are not in mp_graphql)")
                .register(registry);
    }

    /**
     * Answers the request asynchronously; false when the engine must answer (nothing ran).
     *
     * @param responseType the response's content type, as the engine would send it
     */
    public boolean answer(RoutingContext ctx, Document document, String operationName, JsonObject variables,
                          String responseType) {
        Field field = plannedField(document);
        if (field == null || !(document.getDefinitions().getFirst() instanceof OperationDefinition operation)
                || (operationName != null && !operationName.equals(operation.getName()))
                || !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return false;
        }
        PlannedMutation mutation = byField.get(field.getName());
        PlannedMutation.Input input = input(operation, field, mutation.inputType(), variables);
        if (input == null) {
            return false;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (!connections.tryAcquire()) {
            return false;
        }
        Future<JsonObject> payload;
        try {
            payload = mutation.run(field.getName(), input, field.getSelectionSet(), identity);
        } catch (PlannedMutation.Declined e) {
            connections.release();
            return false;
        } catch (RuntimeException e) {
            connections.release();
            throw e;
        }
        if (payload == null) {
            connections.release();
            return false;
        }
        long start = System.nanoTime();
        Span span = spans.planned(operation.getName(), OperationDefinition.Operation.MUTATION);
        Scope scope = OperationSpans.makeCurrent(span);
        payload.onComplete(result -> {
            connections.release();
            scope.close();
            String key = field.getAlias() == null ? field.getName() : field.getAlias();
            if (result.failed() && result.cause() instanceof PgException pg && RequestDeadline.QUERY_CANCELED.equals(pg.getSqlState())) {
                // Cut off at the deadline (the pool's statement_timeout, e.g. waiting on the ticket's lock):
                // rolled back, and the engine would only wait as long again.
                ApiException timedOut = RequestDeadline.timedOut();
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType).end(new JsonObject().putNull("data")
                        .put("errors", new JsonArray().add(new JsonObject().put("message", timedOut.getMessage())
                                .put("path", new JsonArray().add(key))
                                .put("extensions", new JsonObject().put("code", timedOut.code().name())))).encode());
                span.setStatus(StatusCode.ERROR, "timeout").end();
                return;
            }
            if (result.failed() || result.result() == null) {
                // Nothing changed (one statement, committed or not at all): the engine runs the
                // mutation, and reports why it fails (or, when the ticket has moved since, does it).
                if (result.failed()) {
                    Log.debugf(result.cause(), "Planned mutation failed; the GraphQL engine answers instead");
                    span.recordException(result.cause()).setStatus(StatusCode.ERROR);
                }
                span.end();
                ctx.next();
                return;
            }
            answered.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType)
                    .end(new JsonObject().put("data", new JsonObject().put(key, result.result())).encode());
            span.end();
        });
        return true;
    }

    /** Whether the document is one mutation of a planned field (cheap: the filter vets only these as the engine would). */
    public boolean covers(Document document) {
        return plannedField(document) != null;
    }

    /** The document's one root field when it is one mutation of a planned field without directives, else null. */
    private Field plannedField(Document document) {
        if (document.getDefinitions().size() != 1 || !(document.getDefinitions().getFirst() instanceof OperationDefinition operation)
                || operation.getOperation() != OperationDefinition.Operation.MUTATION || !operation.getDirectives().isEmpty()
                || operation.getSelectionSet().getSelections().size() != 1
                || !(operation.getSelectionSet().getSelections().getFirst() instanceof Field field)
                || !field.getDirectives().isEmpty() || field.getSelectionSet() == null || !byField.containsKey(field.getName())) {
            return null;
        }
        return field;
    }

    /** The field's {@code input} argument as the only argument, or null when it is not in the plain form. */
    private static PlannedMutation.Input input(OperationDefinition operation, Field field, String inputType, JsonObject variables) {
        List<Argument> arguments = field.getArguments();
        if (arguments.size() != 1 || !arguments.getFirst().getName().equals("input")) {
            return null;
        }
        Value<?> value = arguments.getFirst().getValue();
        List<VariableDefinition> definitions = operation.getVariableDefinitions();
        if (value instanceof VariableReference reference) {
            if (definitions.size() != 1 || !definitions.getFirst().getName().equals(reference.getName())
                    || definitions.getFirst().getDefaultValue() != null || !definitions.getFirst().getDirectives().isEmpty()
                    || !inputType.equals(typeName(definitions.getFirst().getType()))
                    || variables == null || !(variables.getValue(reference.getName()) instanceof JsonObject object)
                    || variables.size() != 1) {
                return null;
            }
            return new PlannedMutation.Input(object.getMap());
        }
        if (!(value instanceof ObjectValue object) || !definitions.isEmpty()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ObjectField objectField : object.getObjectFields()) {
            if (objectField.getValue() instanceof VariableReference || objectField.getValue() instanceof ObjectValue
                    || fields.put(objectField.getName(), objectField.getValue()) != null) {
                return null;
            }
        }
        return new PlannedMutation.Input(fields);
    }

    /** The named type of a variable of that type or its non-null form; null for lists. */
    private static String typeName(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> nonNull.getType() instanceof TypeName name ? name.getName() : null;
            case TypeName name -> name.getName();
            case ListType list -> null;
            default -> null;
        };
    }
}
