package dev.supportgraph.observability;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Optional;

/**
 * Names the GraphQL operation's span after the operation when the request has no
 * {@code operationName} (SmallRye names it only from that field, so most spans would be a bare
 * "GraphQL"). Runs after SmallRye's tracing has opened the span, and only while it is recorded:
 * with tracing off the document is not parsed again.
 */
@ApplicationScoped
public class OperationSpanName {

    /** SmallRye's span name without an operation name, and its prefix with one (TracingService, 2.17). */
    static final String ENGINE_NAME = "GraphQL";
    static final String PREFIX = ENGINE_NAME + ":";
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operationName");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operationType");

    void name(@Observes @BeforeExecute Context context) {
        Span span = Span.current();
        if (!span.isRecording() || context.getOperationName().isPresent() || context.getQuery() == null) {
            return;
        }
        operation(context.getQuery(), null).map(OperationDefinition::getName).ifPresent(name -> {
            span.updateName(PREFIX + name);
            span.setAttribute(OPERATION_NAME, name);
        });
    }

    /** The operation a request runs: the one named {@code operationName}, or the document's only one. */
    static Optional<OperationDefinition> operation(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return Optional.empty(); // the engine reports it
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst();
    }
}
