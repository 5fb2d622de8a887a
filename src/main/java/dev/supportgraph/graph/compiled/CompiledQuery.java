package dev.supportgraph.graph.compiled;

import io.quarkus.logging.Log;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One query document as a single SQL statement returning the response's {@code data} as JSON text.
 * Bind parameters: {@code $1} the caller's customer scope (null for staff), then the arguments.
 *
 * @param operationName      the name of the document's one operation (null when anonymous)
 * @param planVariables the variables the statement's text depends on ({@link QueryCompiler#planVariables}):
 *                      the plan holds for the values they had when it was made
 */
record CompiledQuery(String operationName, String sql, List<Parameter> parameters, List<String> planVariables) {

    /** An argument's value for one request: from a literal of the document or from the variables. */
    interface Parameter {
        /**
         * @throws Unbound when the value is missing or not what the engine would accept (the
         *                 engine then answers, with its error)
         */
        Object value(JsonObject variables);
    }

    /** A request the plan cannot answer exactly as the engine would. */
    static final class Unbound extends RuntimeException {
        static final Unbound INSTANCE = new Unbound();

        private Unbound() {
            super(null, null, false, false);
        }
    }

    /** The statement's parameters for one request, or empty when one of them is {@link Unbound}. */
    Optional<Tuple> bind(JsonObject variables, OptionalLong scope) {
        Tuple tuple = Tuple.tuple().addValue(scope.isPresent() ? scope.getAsLong() : null);
        try {
            for (Parameter parameter : parameters) {
                tuple.addValue(parameter.value(variables));
            }
        } catch (Unbound e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // A value this plan did not foresee: the engine knows what to answer.
            Log.debugf(e, "Compiled query not applicable to the request's variables");
            return Optional.empty();
        }
        return Optional.of(tuple);
    }
}
