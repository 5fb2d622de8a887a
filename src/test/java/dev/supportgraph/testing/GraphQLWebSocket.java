package dev.supportgraph.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A real GraphQL-over-WebSocket client (Vert.x) speaking graphql-transport-ws or the legacy
 * graphql-ws protocol, for subscription tests. Keep-alive pings are answered and skipped.
 */
public final class GraphQLWebSocket implements AutoCloseable {

    public static final String TRANSPORT_WS = "graphql-transport-ws";
    public static final String LEGACY_WS = "graphql-ws";

    private final HttpClient client;
    private final WebSocket socket;
    private final String protocol;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();

    private GraphQLWebSocket(HttpClient client, WebSocket socket, String protocol) {
        this.client = client;
        this.socket = socket;
        this.protocol = protocol;
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            if ("ping".equals(message.getString("type"))) {
                socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
            }
            messages.add(message);
        });
        socket.closeHandler(v -> messages.add(new JsonObject().put("type", "socket-closed")
                .put("code", socket.closeStatusCode()).put("reason", socket.closeReason())));
    }

    /** Opens the socket; {@code headerToken} (nullable) goes into the upgrade request. */
    public static GraphQLWebSocket open(Vertx vertx, URI endpoint, String protocol, String headerToken) throws Exception {
        HttpClient client = vertx.createHttpClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.getHost()).setPort(endpoint.getPort()).setURI("/graphql")
                .setSubProtocols(List.of(protocol));
        if (headerToken != null) {
            options.addHeader("Authorization", "Bearer " + headerToken);
        }
        WebSocket socket = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new GraphQLWebSocket(client, socket, protocol);
    }

    /** connection_init (with the token in its payload when given), then waits for connection_ack. */
    public GraphQLWebSocket init(String payloadToken) throws InterruptedException {
        JsonObject payload = new JsonObject();
        if (payloadToken != null) {
            payload.put("Authorization", "Bearer " + payloadToken);
        }
        send(new JsonObject().put("type", "connection_init").put("payload", payload));
        assertEquals("connection_ack", nextMessage(Duration.ofSeconds(10)).getString("type"));
        return this;
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        String type = protocol.equals(TRANSPORT_WS) ? "subscribe" : "start";
        send(new JsonObject().put("type", type).put("id", id)
                .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables))));
    }

    /** The next result ({@code payload}) of operation {@code id}; fails on anything else. */
    public JsonObject next(String id, Duration timeout) throws InterruptedException {
        JsonObject message = nextMessage(timeout);
        assertNotNull(message, "no message within " + timeout);
        String expected = protocol.equals(TRANSPORT_WS) ? "next" : "data";
        assertEquals(expected, message.getString("type"), message::encode);
        assertEquals(id, message.getString("id"));
        return message.getJsonObject("payload");
    }

    /** The next result of operation {@code id}, which must carry no errors: its {@code data.<field>}. */
    public JsonObject nextData(String id, String field, Duration timeout) throws InterruptedException {
        JsonObject payload = next(id, timeout);
        assertNull(payload.getValue("errors"), payload::encode);
        return payload.getJsonObject("data").getJsonObject(field);
    }

    /** The next message other than a keep-alive, or null after the timeout. */
    public JsonObject nextMessage(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null || !isKeepAlive(message)) {
                return message;
            }
        }
    }

    /** The next message, keep-alives included, or null after the timeout. */
    public JsonObject nextAny(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits for the server to close the socket: the close frame's status code and reason. */
    public JsonObject closed(Duration timeout) throws InterruptedException {
        JsonObject message = nextMessage(timeout);
        assertNotNull(message, "not closed within " + timeout);
        assertEquals("socket-closed", message.getString("type"), message::encode);
        return message;
    }

    /** Sends a text frame as it is (for protocol violations). */
    public void sendText(String text) {
        socket.writeTextMessage(text);
    }

    /** Sends a protocol message. */
    public void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    /** Asserts that nothing but keep-alives arrives for {@code quiet}. */
    public void assertSilent(Duration quiet) throws InterruptedException {
        JsonObject message = nextMessage(quiet);
        assertNull(message, () -> "unexpected message " + message.encode());
    }

    /** Stops reading from the socket (a stalled client); the server's writes back up. */
    public void pause() {
        socket.pause();
    }

    public void resume() {
        socket.resume();
    }

    private static boolean isKeepAlive(JsonObject message) {
        String type = message.getString("type");
        return "ping".equals(type) || "pong".equals(type) || "ka".equals(type);
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
