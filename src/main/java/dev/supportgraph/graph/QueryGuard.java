package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import graphql.ErrorClassification;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionContext;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import dev.supportgraph.graph.compiled.CompiledQueries;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.execution.error.GraphQLExceptionWhileDataFetching;
import jakarta.validation.ConstraintViolationException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The query limits: before validation (and again before execution for documents validated
 * earlier, whose variables may differ), the document's cost ({@link QueryCost}) and its input
 * values ({@link InputCheck}); the introspection switch and the execution timeout; and the last
 * word on every response: errors of unexpected
 * exceptions become a generic {@code INTERNAL} error (no class names, SQL or stack traces), and a
 * response without data (refused before execution) is flagged for the HTTP layer.
 */
final class QueryGuard extends SimplePerformantInstrumentation {

    static final String INTERNAL_MESSAGE = "Internal server error";
    static final String UNAUTHORIZED_MESSAGE = "Authentication required: send an Authorization: Bearer token";
    static final String FORBIDDEN_MESSAGE = "Your role may not read or change this";

    private final QueryLimits limits;
    private final QueryCost.Limits costLimits;
    private final InputCheck.Limits inputLimits;
    private final IntrospectionAccess introspection;
    private final CompiledQueries compiled;

    QueryGuard(QueryLimits limits, QueryCost.Limits costLimits, InputCheck.Limits inputLimits, IntrospectionAccess introspection,
               CompiledQueries compiled) {
        this.limits = limits;
        this.costLimits = costLimits;
        this.inputLimits = inputLimits;
        this.introspection = introspection;
        this.compiled = compiled;
    }

    /**
     * Per execution: when it must be done, and whether it was cut off. Subscriptions are exempt:
     * their events run within the same execution for as long as the client stays subscribed.
     */
    private static final class Deadline implements InstrumentationState {
        final long deadline;
        final AtomicBoolean passed = new AtomicBoolean();
        volatile boolean enforced = true;
        /** The query document, once it passed the limits (null for mutations and subscriptions). */
        volatile Document query;
        /** Whether the document and variables were checked before validation (not for cached documents). */
        volatile boolean checked;

        Deadline(Duration timeout) {
            deadline = System.nanoTime() + timeout.toNanos();
        }

        boolean passed() {
            if (enforced && !passed.get() && System.nanoTime() - deadline > 0) {
                passed.set(true);
            }
            return passed.get();
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(limits.timeout());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Deadline deadline = (Deadline) state;
        OperationDefinition.Operation operation = execution.getOperationDefinition().getOperation();
        deadline.enforced = operation != OperationDefinition.Operation.SUBSCRIPTION;
        if (!deadline.checked) {
            check(execution.getDocument(), execution.getExecutionInput().getRawVariables().toMap(),
                    execution.getGraphQLSchema());
        }
        if (deadline.enforced) {
            // Every SQL statement of the request is bounded by what is left of it (StatementDeadline).
            RequestDeadline.start(deadline.deadline);
        }
        boolean[] introspects = {false};
        visitFields(execution.getDocument(), field ->
                introspects[0] |= field.getName().equals("__schema") || field.getName().equals("__type"));
        if (introspects[0] && !introspection.allowsCurrentCaller()) {
            throw QueryRefused.introspectionDisabled();
        }
        if (operation == OperationDefinition.Operation.QUERY) {
            deadline.query = execution.getDocument();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Runs before graphql-java validates (and expands) the document: refused documents cost microseconds. */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        check(parameters.getDocument(), parameters.getExecutionInput().getRawVariables().toMap(), parameters.getSchema());
        ((Deadline) state).checked = true;
        return super.beginValidation(parameters, state);
    }

    private void check(Document document, Map<String, Object> variables, GraphQLSchema schema) {
        QueryCost.check(schema, document, variables, costLimits);
        InputCheck.check(schema, document, variables, inputLimits);
    }

    private static void visitFields(Node<?> node, Consumer<Field> visitor) {
        if (node instanceof Field field) {
            visitor.accept(field);
        }
        for (Node<?> child : node.getChildren()) {
            visitFields(child, visitor);
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        Deadline deadline = (Deadline) state;
        // Past the deadline nothing new starts; the response is replaced in instrumentExecutionResult.
        return env -> deadline.passed() ? null : dataFetcher.get(env);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Deadline deadline = (Deadline) state;
        if (deadline.passed()) {
            return CompletableFuture.completedFuture(timedOut());
        }
        if (!result.isDataPresent()) {
            GraphQLHttpFilter.markRequestError();
        } else if (result.getErrors().isEmpty() && deadline.query != null) {
            // Validated, within the limits, answered without errors: the next ones may be answered by SQL.
            compiled.learn(parameters.getQuery(), deadline.query, parameters.getVariables(), parameters.getSchema());
        }
        List<GraphQLError> errors = result.getErrors().stream().map(QueryGuard::sanitize).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private ExecutionResult timedOut() {
        return ExecutionResult.newExecutionResult().data(null).addError(QueryRefused.timedOut(limits.timeout())).build();
    }

    private static GraphQLError sanitize(GraphQLError error) {
        if (error instanceof ValidationError validation
                && (validation.getExtensions() == null || !validation.getExtensions().containsKey("code"))) {
            return ValidationError.newValidationError()
                    .validationErrorType(validation.getValidationErrorType())
                    .description(validation.getDescription())
                    .sourceLocations(validation.getLocations())
                    .queryPath(validation.getQueryPath())
                    .extensions(Map.of("code", ErrorCode.GRAPHQL_VALIDATION_FAILED.name()))
                    .build();
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = unwrap(fetching.getException());
            if (cause instanceof UnauthorizedException || cause instanceof ForbiddenException) {
                // SmallRye hides their text behind "System error"; the code (unauthorized, forbidden) is kept.
                String message = cause instanceof UnauthorizedException ? UNAUTHORIZED_MESSAGE : FORBIDDEN_MESSAGE;
                return new GraphQLExceptionWhileDataFetching(message, ResultPath.fromList(fetching.getPath()), cause,
                        fetching.getLocations() == null || fetching.getLocations().isEmpty() ? null : fetching.getLocations().getFirst());
            }
            if (cause instanceof ApiException || cause instanceof SecurityException) {
                return error;
            }
            ApiException replacement;
            if (RequestDeadline.cutOff(cause)) {
                replacement = RequestDeadline.timedOut();
            } else if (cause instanceof ConstraintViolationException violations) {
                replacement = ApiException.badInput(violations.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
            } else {
                Log.errorf(cause, "Unexpected failure resolving %s", fetching.getPath());
                replacement = ApiException.of(ErrorCode.INTERNAL, INTERNAL_MESSAGE);
            }
            return new GraphQLExceptionWhileDataFetching(replacement.getMessage(), ResultPath.fromList(fetching.getPath()),
                    replacement, fetching.getLocations() == null || fetching.getLocations().isEmpty()
                    ? null : fetching.getLocations().getFirst());
        }
        return error;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
