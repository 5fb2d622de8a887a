package dev.supportgraph.graph.compiled;

import dev.supportgraph.graph.ApiException;
import dev.supportgraph.graph.GlobalId;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One query document as a single SQL statement returning the response's {@code data} as JSON text.
 * Bind parameters: {@code $1} the caller's customer scope (null for staff), then the ids.
 */
record CompiledQuery(String sql, List<IdParameter> parameters) {

    /** A global id argument: a literal already decoded, or a variable decoded per request. */
    record IdParameter(String type, String variable, Long literal) {
    }

    /**
     * The statement's parameters for one request, or empty when a variable is missing or not an id
     * of the expected type: the engine then answers with its error.
     */
    Optional<Tuple> bind(JsonObject variables, OptionalLong scope) {
        Tuple tuple = Tuple.tuple().addValue(scope.isPresent() ? scope.getAsLong() : null);
        for (IdParameter parameter : parameters) {
            if (parameter.literal() != null) {
                tuple.addValue(parameter.literal());
            } else if (variables != null && variables.getValue(parameter.variable()) instanceof String id) {
                try {
                    tuple.addValue(GlobalId.decode(parameter.type(), id));
                } catch (ApiException e) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(tuple);
    }
}
