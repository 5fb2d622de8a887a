package dev.supportgraph.graph;

import dev.supportgraph.error.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused before execution: graphql-java turns it into a response without {@code data}
 * carrying this error, whose extensions name the code and, for limits, which limit was hit.
 */
public final class QueryRefused extends AbortExecutionException {

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private QueryRefused(String code, String message) {
        super(message);
        extensions.put("code", code);
    }

    /** A configured limit (depth, cost, aliases, tokens, length) was exceeded. */
    public static QueryRefused limit(String limit, String message) {
        QueryRefused refused = new QueryRefused(ErrorCode.QUERY_TOO_COMPLEX.name(), message);
        refused.extensions.put("limit", limit);
        return refused;
    }

    /** A document graphql-java's validation would reject, refused before validation could spend time on it. */
    public static QueryRefused invalid(String message) {
        return new QueryRefused(ErrorCode.GRAPHQL_VALIDATION_FAILED.name(), message);
    }

    /** An argument or variable that no resolver would accept; {@code field} is its path, as in userErrors. */
    public static QueryRefused badInput(List<String> field, String message) {
        QueryRefused refused = new QueryRefused(ErrorCode.BAD_USER_INPUT.name(), String.join(".", field) + ": " + message);
        refused.extensions.put("field", List.copyOf(field));
        return refused;
    }

    /** The error of a query cut off at the execution timeout, by the engine or in a planned statement. */
    public static GraphQLError timedOut(Duration timeout) {
        return GraphqlErrorBuilder.newError()
                .message("The query did not finish within " + timeout.toMillis() + " ms and was cut off")
                .errorType(ErrorClassification.errorClassification("ExecutionTimeout"))
                .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name(), "limit", "timeout"))
                .build();
    }

    public static QueryRefused introspectionDisabled() {
        return new QueryRefused(ErrorCode.INTROSPECTION_DISABLED.name(), "Introspection is disabled on this server");
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
