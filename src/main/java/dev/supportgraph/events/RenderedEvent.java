package dev.supportgraph.events;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.smallrye.graphql.execution.ExecutionResponse;

/**
 * An event's result as {@link SharedEventRendering} shares it among the subscribers of one
 * rendering, which also share the JSON text of its message payload: it is written once, by the
 * first of them to send it, not once per subscriber.
 */
final class RenderedEvent extends ExecutionResultImpl {

    private volatile String payload;

    RenderedEvent(ExecutionResult result) {
        super(result instanceof ExecutionResultImpl impl ? impl
                : (ExecutionResultImpl) ExecutionResultImpl.newExecutionResult().from(result).build());
    }

    /** The result as a message payload: {"data": ..., "errors": [...]} as SmallRye writes it. */
    static String payloadOf(ExecutionResult result) {
        if (!(result instanceof RenderedEvent rendered)) {
            return json(result);
        }
        String text = rendered.payload;
        if (text == null) {
            // Two subscribers may both write it; they write the same text.
            text = json(result);
            rendered.payload = text;
        }
        return text;
    }

    private static String json(ExecutionResult result) {
        return new ExecutionResponse(result).getExecutionResultAsJsonObject().toString();
    }
}
