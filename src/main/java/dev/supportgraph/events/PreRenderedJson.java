package dev.supportgraph.events;

import graphql.ExecutionResultImpl;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.json.JsonNumber;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A subscription event's data rendered once to JSON text, which every subscriber's message then
 * carries as it is. SmallRye writes each message with jakarta.json (Parsson): a JsonValue in the
 * data is taken over unconverted, and Parsson writes a JsonNumber as its {@code toString()}. Without
 * this, the event's tree was converted and written again for each of its thousands of subscribers.
 * It is a number to Parsson's writer only: nothing reads it as one.
 */
final class PreRenderedJson implements JsonNumber {

    private final String json;

    private PreRenderedJson(String json) {
        this.json = json;
    }

    /** Rendered data (graphql-java's maps, lists and scalars) as SmallRye writes it; null stays null. */
    static PreRenderedJson of(Object value) {
        if (value == null) {
            return null;
        }
        ExecutionResponse response = new ExecutionResponse(ExecutionResultImpl.newExecutionResult().data(value).build());
        return new PreRenderedJson(response.getExecutionResultAsJsonObject().get("data").toString());
    }

    @Override
    public String toString() {
        return json;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreRenderedJson rendered && json.equals(rendered.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public boolean isIntegral() {
        throw notANumber();
    }

    @Override
    public int intValue() {
        throw notANumber();
    }

    @Override
    public int intValueExact() {
        throw notANumber();
    }

    @Override
    public long longValue() {
        throw notANumber();
    }

    @Override
    public long longValueExact() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValue() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        throw notANumber();
    }

    @Override
    public double doubleValue() {
        throw notANumber();
    }

    @Override
    public BigDecimal bigDecimalValue() {
        throw notANumber();
    }

    private UnsupportedOperationException notANumber() {
        return new UnsupportedOperationException("Not a number but a subscription event's JSON: " + json);
    }
}
