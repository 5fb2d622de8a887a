package dev.supportgraph.operations;

import dev.supportgraph.observability.OperationSpans;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Tokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With tracing on, a GraphQL operation is one trace: a span named after the operation, and the SQL
 * statements it ran as spans below it, exported to an in-process collector; whether the engine ran
 * it, the planner answered it with one statement, or it came over a WebSocket.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    /** The SDK on (it is off in the other tests), spans exported without waiting. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }
    }

    private static final long WAIT_MILLIS = 10_000;

    @Inject
    InMemorySpanExporter spans;

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Test
    void aGraphQLOperationIsASpanWithItsSqlStatementsBelowIt() throws Exception {
        spans.reset();
        GraphQLClient.reference(Tokens.agent(), "application/json",
                        "query TracedCustomers { customers(first: 2) { totalCount edges { node { name } } } }", Map.of())
                .statusCode(200).body("errors", equalTo(null));

        SpanData operation = operationSpan("TracedCustomers");
        assertSqlBelow(operation, "from customer");
    }

    @Test
    void aPlannedQueryIsASpanLikeTheEnginesWithItsStatementBelowIt() throws Exception {
        spans.reset();
        GraphQLClient.post(Tokens.agent(), "query PlannedCustomers { customers(first: 2) { totalCount edges { node { name } } } }")
                .statusCode(200).body("errors", equalTo(null));

        SpanData operation = operationSpan("PlannedCustomers", "http");
        assertEquals(true, operation.getAttributes().get(OperationSpans.PLANNED));
        assertEquals("QUERY", operation.getAttributes().get(AttributeKey.stringKey("graphql.operationType")));
        assertSqlBelow(operation, "customer");
    }

    @Test
    void anOperationOverWebSocketIsASpanWithItsSqlStatementsBelowIt() throws Exception {
        spans.reset();
        try (GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, null)
                .init(Tokens.agent())) {
            ws.subscribe("1", "query SocketCustomers { customers(first: 2) { totalCount } }", Map.of());
            assertNotNull(ws.nextData("1", "customers", Duration.ofSeconds(10)).getValue("totalCount"));
            ws.subscribe("2", "subscription SocketTickets { ticketStatusChanged { eventId status } }", Map.of());

            SpanData query = operationSpan("SocketCustomers", "websocket");
            assertEquals(false, query.getAttributes().get(OperationSpans.PLANNED));
            assertEquals(query.getSpanId(), operationSpan("SocketCustomers").getParentSpanId(), "the engine's span is below");
            assertSqlBelow(query, "from customer");

            SpanData subscription = operationSpan("SocketTickets", "websocket");
            assertEquals("SUBSCRIPTION", subscription.getAttributes().get(AttributeKey.stringKey("graphql.operationType")));
        }
    }

    /** The engine's span of the named operation. */
    private SpanData operationSpan(String name) throws InterruptedException {
        return operationSpan(name, null);
    }

    /** The span of the named operation carried by {@code transport}; the engine's when null (it has no such attribute). */
    private SpanData operationSpan(String name, String transport) throws InterruptedException {
        SpanData operation = await(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("GraphQL:" + name))
                .filter(span -> Objects.equals(transport, span.getAttributes().get(OperationSpans.TRANSPORT)))
                .findFirst());
        assertEquals(name, operation.getAttributes().get(AttributeKey.stringKey("graphql.operationName")));
        return operation;
    }

    private void assertSqlBelow(SpanData operation, String fragment) throws InterruptedException {
        List<SpanData> statements = await(() -> {
            List<SpanData> below = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(operation.getTraceId()))
                    .filter(span -> isSql(span) && descendsFrom(span, operation))
                    .toList();
            return below.isEmpty() ? Optional.empty() : Optional.of(below);
        });
        assertTrue(statements.stream().anyMatch(span -> statement(span).toLowerCase(java.util.Locale.ROOT).contains(fragment)),
                "a statement reading customers: " + statements.stream().map(TracingTest::statement).toList());
    }

    private boolean descendsFrom(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId = spans.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        for (SpanData current = span; current != null; current = byId.get(current.getParentSpanId())) {
            if (current.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSql(SpanData span) {
        return !statement(span).isEmpty();
    }

    private static String statement(SpanData span) {
        String query = span.getAttributes().get(AttributeKey.stringKey("db.query.text"));
        String legacy = span.getAttributes().get(AttributeKey.stringKey("db.statement"));
        return query != null ? query : legacy != null ? legacy : "";
    }

    private <T> T await(java.util.function.Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        Optional<T> last = probe.get();
        assertFalse(last.isEmpty(), () -> "not exported within " + WAIT_MILLIS + " ms; spans: " + spans.getFinishedSpanItems()
                .stream().map(span -> span.getName() + " " + span.getTraceId() + "/" + span.getParentSpanId() + "/" + span.getSpanId()
                        + " " + span.getAttributes()).toList());
        return last.get();
    }
}
