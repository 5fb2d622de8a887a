package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.subscription.TicketEventFilter;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Tokens;
import dev.supportgraph.ticket.TicketKind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client that stops reading is cut off with an error once its small buffer is full. */
@QuarkusTest
@TestProfile(SlowSubscriberTest.TinyBuffer.class)
class SlowSubscriberTest {

    public static class TinyBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.events.buffer-size", "2");
        }
    }

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    TicketEvents events;

    @Test
    void aStalledClientIsClosedWithAnErrorInsteadOfBufferingForever() throws Exception {
        long ticket = System.nanoTime() % 1_000_000_000L;
        try (GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, Tokens.agent()).init(null)) {
            ws.subscribe("1", "subscription($f: TicketEventFilter) { ticketStatusChanged(filter: $f) { eventId reason } }",
                    Map.of("f", Map.of("ticketIds", List.of(GlobalId.encode("ServiceTrouble", ticket)))));
            Thread.sleep(500);
            ws.pause();
            // Large events fill the socket buffers quickly; each stays below the client's 256 KiB message limit.
            String large = "x".repeat(200 * 1024);
            for (int i = 0; i < 100; i++) {
                events.changed(TicketKind.SERVICE_TROUBLE, ticket, null, large);
            }
            Thread.sleep(2000);
            ws.resume();
            JsonObject message;
            do {
                message = ws.nextMessage(Duration.ofSeconds(20));
            } while (message != null && message.getJsonObject("payload") != null
                    && message.getJsonObject("payload").getValue("errors") == null);
            assertEquals("SUBSCRIBER_TOO_SLOW", message.getJsonObject("payload").getJsonArray("errors")
                    .getJsonObject(0).getJsonObject("extensions").getString("code"), message::encode);
        }
    }
}
