package dev.supportgraph.graph;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;

/**
 * The engine's operation timer {@code mp_graphql} (tags name, type, source as SmallRye's own): one
 * sample per root field of each executed operation. SmallRye records it only on its non-blocking
 * execution path, which request isolation turns off (docs/write-safety-and-isolation.md), so the
 * engine times itself here; the documented metric and the dashboard stay the same.
 */
final class OperationTimer extends SimplePerformantInstrumentation {

    private final MeterRegistry registry;

    OperationTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        OperationDefinition definition = parameters.getExecutionContext().getOperationDefinition();
        if (definition.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return super.beginExecuteOperation(parameters, state);
        }
        String type = definition.getOperation().name();
        List<String> rootFields = definition.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .map(Field::getName).toList();
        long start = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            long elapsed = System.nanoTime() - start;
            for (String field : rootFields) {
                Timer.builder("mp_graphql").tags("name", field, "type", type, "source", "false")
                        .register(registry).record(Duration.ofNanos(elapsed));
            }
        });
    }
}
