package dev.supportgraph.delivery;

import dev.supportgraph.devdb.EmbeddedDatabase;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.PackagedApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the packaged JVM app (prod profile, so quarkus.shutdown.delay applies), stops it with
 * SIGTERM while a request is in flight, and checks the Kubernetes-facing contract: readiness
 * reports DOWN during the delay, the in-flight request still gets its normal answer, and WebSockets
 * are closed without holding the shutdown.
 */
class GracefulShutdownIT {

    private static final byte[] GRAPHQL_BODY = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);

    private EmbeddedDatabase database;
    private PackagedApp packaged;
    private Process app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readinessGoesDownFirstAndTheInFlightRequestCompletes() throws Exception {
        Manifests.AppSettings settings = Manifests.AppSettings.load();
        Duration delay = settings.shutdownDelay();
        assertTrue(delay.toMillis() >= 2000, "the prod profile has a shutdown delay worth testing: " + delay);
        start();

        // The answer the same request gets from a running app.
        String normal = exchange();

        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout((int) settings.shutdownTimeout().toMillis());
            OutputStream out = inFlight.getOutputStream();
            // Headers now, body later: the server holds this request open until the body arrives.
            out.write(headers().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);

            long sigterm = System.nanoTime();
            app.destroy();

            HttpResponse<String> ready = awaitReadinessDown(delay);
            long downAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
            assertTrue(downAfter < delay.toMillis(), "readiness DOWN within the delay, after " + downAfter + " ms");
            assertTrue(ready.body().contains("\"DOWN\""), "the health check itself reports DOWN: " + ready.body());

            // Past the delay the server only stays up because of the request in flight.
            Thread.sleep(Math.max(0, delay.toMillis() + 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm)));
            assertTrue(app.isAlive(), "the app waits for the in-flight request");

            out.write(GRAPHQL_BODY);
            out.flush();
            String answer = read(inFlight.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertEquals(normal, answer, "the in-flight request gets the same answer as in normal operation");
        }
        assertTrue(app.waitFor(settings.shutdownTimeout().toSeconds(), TimeUnit.SECONDS), "the app exits once the request is done");
    }

    /**
     * WebSockets, open or closed before, do not hold the shutdown for its whole timeout: once the
     * delay is over the server closes the open ones (1000, so graphql-ws clients reconnect, to
     * another replica) and the app exits.
     */
    @Test
    void webSocketsAreClosedAsGoingAwayWithoutHoldingTheShutdown() throws Exception {
        Manifests.AppSettings settings = Manifests.AppSettings.load();
        start();
        Vertx vertx = Vertx.vertx();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, null).init(null).close();
            GraphQLWebSocket open = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, null).init(null);

            long sigterm = System.nanoTime();
            app.destroy();
            JsonObject closed = open.closed(settings.shutdownDelay().plus(settings.shutdownTimeout()));
            assertEquals(1000, closed.getInteger("code"), closed::encode);
            assertTrue(app.waitFor(settings.shutdownDelay().plus(settings.shutdownTimeout()).toSeconds(), TimeUnit.SECONDS));
            long exitedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
            long bound = settings.shutdownDelay().plus(settings.shutdownTimeout().dividedBy(2)).toMillis();
            assertTrue(exitedAfter < bound, "exited " + exitedAfter + " ms after SIGTERM; the shutdown timeout is "
                    + settings.shutdownTimeout() + " after the delay of " + settings.shutdownDelay());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void start() throws Exception {
        Map<String, String> datasource = Map.of();
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            database = EmbeddedDatabase.start(null, 0);
            datasource = database.properties();
        }
        packaged = PackagedApp.start("graceful-shutdown-app", datasource);
        app = packaged.process();
        port = packaged.port;
    }

    private HttpResponse<String> awaitReadinessDown(Duration delay) throws Exception {
        long deadline = System.nanoTime() + delay.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = packaged.get("/q/health/ready");
            if (last.statusCode() == 503) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness still answered " + (last == null ? "nothing" : last.statusCode()) + " after the delay");
    }


    private String headers() {
        return "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nConnection: close\r\nContent-Length: " + GRAPHQL_BODY.length + "\r\n\r\n";
    }

    /** One whole POST /graphql exchange on a fresh connection: the status line and the body. */
    private String exchange() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(headers().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(GRAPHQL_BODY);
            return read(socket.getInputStream());
        }
    }

    /** Reads a response to the end (the request said Connection: close); keeps status line and body. */
    private static String read(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int headersEnd = response.indexOf("\r\n\r\n");
        assertNotEquals(-1, headersEnd, () -> "a complete HTTP response: " + response);
        return response.substring(0, response.indexOf("\r\n")) + "\n" + response.substring(headersEnd + 4);
    }


}
