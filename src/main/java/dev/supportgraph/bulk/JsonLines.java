package dev.supportgraph.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportgraph.error.ApiException;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Lines of NDJSON read as mutation inputs: strictly (an unknown field or a value of the wrong type
 * is an error naming the field), each failure a BAD_USER_INPUT for the line's report.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private JsonLines() {
    }

    /** The one JSON object a line holds. */
    public static ObjectNode object(String text) {
        try {
            if (JSON.readTree(text) instanceof ObjectNode object) {
                return object;
            }
            throw ApiException.badInput("a line must hold one JSON object");
        } catch (JsonProcessingException e) {
            throw ApiException.badInput("is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An empty object, for rows built from other formats (CSV). */
    public static ObjectNode emptyObject() {
        return JSON.createObjectNode();
    }

    /** {@code object} as an input of {@code type}; {@code what} names the rows in messages ("contact"). */
    public static <T> T read(ObjectNode object, Class<T> type, String what) {
        try {
            return JSON.treeToValue(object, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            String problem = e instanceof UnrecognizedPropertyException ? "is not a field of " + what + " rows" : "has a value of the wrong type";
            throw field.isEmpty() ? ApiException.badInput("cannot be read as a " + what) : ApiException.badInput(problem, field);
        } catch (JsonProcessingException e) {
            throw ApiException.badInput("is not valid JSON");
        }
    }

    /** A field's text, removed from the object (null when absent). */
    public static String take(ObjectNode object, String field) {
        JsonNode value = object.remove(field);
        return value == null ? null : value.asText();
    }
}
