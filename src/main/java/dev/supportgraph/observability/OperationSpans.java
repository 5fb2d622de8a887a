package dev.supportgraph.observability;

import graphql.language.OperationDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Spans for the GraphQL operations SmallRye's tracing does not cover: queries answered by the
 * planner's one SQL statement, and operations over WebSocket (which get no HTTP span either).
 * Named as the engine names its own ({@code GraphQL:<operation name>}) with the same
 * {@code graphql.*} attributes, so a trace search finds an operation however it was answered; made
 * current while the statement or the execution starts, they are the parents of the SQL spans.
 */
@ApplicationScoped
public class OperationSpans {

    /** True when the planner answered the operation (one compiled SQL statement, no engine). */
    public static final AttributeKey<Boolean> PLANNED = AttributeKey.booleanKey("supportgraph.graphql.planned");
    /** The transport that carried the operation: {@code http} or {@code websocket}. */
    public static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("supportgraph.graphql.transport");

    private final Tracer tracer;

    OperationSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A span for a planned query (the caller makes it current and ends it). */
    public Span planned(String operationName) {
        return planned(operationName, OperationDefinition.Operation.QUERY);
    }

    /** A span for a planned operation of that type (the caller makes it current and ends it). */
    public Span planned(String operationName, OperationDefinition.Operation type) {
        Span span = tracer.spanBuilder(OperationSpanName.ENGINE_NAME).startSpan()
                .setAttribute(OperationSpanName.OPERATION_TYPE, type.name())
                .setAttribute(PLANNED, true).setAttribute(TRANSPORT, "http");
        name(span, operationName);
        return span;
    }

    /**
     * A span for an operation over WebSocket; the document is parsed for its type and name only
     * while tracing records.
     */
    public Span overWebSocket(String query, String operationName) {
        Span span = tracer.spanBuilder(OperationSpanName.ENGINE_NAME).startSpan();
        if (span.isRecording()) {
            Optional<OperationDefinition> operation = OperationSpanName.operation(query, operationName);
            String name = operation.map(OperationDefinition::getName).orElse(operationName);
            operation.ifPresent(found -> span.setAttribute(OperationSpanName.OPERATION_TYPE, found.getOperation().name()));
            name(span, name);
            span.setAttribute(PLANNED, false).setAttribute(TRANSPORT, "websocket");
        }
        return span;
    }

    /** Makes the span current while tracing records; with tracing off the Vert.x context is left as it is. */
    public static Scope makeCurrent(Span span) {
        return span.isRecording() ? span.makeCurrent() : Scope.noop();
    }

    private static void name(Span span, String operationName) {
        if (operationName != null) {
            span.updateName(OperationSpanName.PREFIX + operationName);
            span.setAttribute(OperationSpanName.OPERATION_NAME, operationName);
        }
    }
}
