package dev.supportgraph.observability;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.opentelemetry.api.trace.Span;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Names the GraphQL operation's span after the operation when the request has no
 * {@code operationName} (SmallRye names it only from that field, so most spans would be a bare
 * "GraphQL"). Runs after SmallRye's tracing has opened the span, and only while it is recorded:
 * with tracing off the document is not parsed again.
 */
@ApplicationScoped
public class OperationSpanName {

    static final String PREFIX = "GraphQL:";

    void name(@Observes @BeforeExecute Context context) {
        Span span = Span.current();
        if (!span.isRecording() || context.getOperationName().isPresent() || context.getQuery() == null) {
            return;
        }
        Document document = Parser.parse(context.getQuery());
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() == 1 && operations.get(0).getName() != null) {
            String name = operations.get(0).getName();
            span.updateName(PREFIX + name);
            span.setAttribute("graphql.operationName", name);
        }
    }
}
