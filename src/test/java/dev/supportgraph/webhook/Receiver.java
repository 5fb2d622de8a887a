package dev.supportgraph.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver for tests: a real HTTP server (Vert.x, its own instance) that checks each
 * delivery's signature with the secret registered for its path (a bad one is answered 401 and
 * counted), answers 500 on paths told to fail, and can go down (port closed) and come back on the
 * same port.
 */
final class Receiver implements AutoCloseable {

    /** A delivery accepted with 2xx, with the body's eventTime and when it arrived. */
    record Delivery(String path, String eventId, String eventType, JsonObject event, String headerEventId, Instant eventTime,
                    Instant receivedAt) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    /** Per path: how long the next answer is held back (taken once). */
    private final Map<String, Long> slowOnce = new ConcurrentHashMap<>();
    /** Per resource (the event's resource id): how long every answer about it is held back. */
    private final Map<String, Long> slowResources = new ConcurrentHashMap<>();
    /** Per path: each answer is held back a random time up to this many milliseconds. */
    private final Map<String, Long> jitter = new ConcurrentHashMap<>();
    /** In order of receipt (a queue: a copy-on-write list would copy itself on each of a benchmark's 50,000 receipts). */
    final Queue<Delivery> received = new ConcurrentLinkedQueue<>();
    /** Path and event id of each delivery received, once (what a de-duplicating receiver has processed). */
    final java.util.Set<String> distinct = ConcurrentHashMap.newKeySet();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    Receiver() throws Exception {
        server = start(0);
        port = server.actualPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    void failing(String path, boolean fail) {
        failing.put(path, fail);
    }

    /** Holds back the answer to the next delivery at {@code path} by {@code millis} (it is recorded as received at once). */
    void slowOnce(String path, long millis) {
        slowOnce.put(path, millis);
    }

    /** Holds back every answer to a delivery about {@code resourceId} (a global id) by {@code millis}. */
    void slowResource(String resourceId, long millis) {
        slowResources.put(resourceId, millis);
    }

    /** Holds back every answer at {@code path} by a random time up to {@code millis}. */
    void jitter(String path, long millis) {
        jitter.put(path, millis);
    }

    /** Everything received at {@code path}, repeats included. */
    List<Delivery> at(String path) {
        return received.stream().filter(d -> d.path().equals(path)).toList();
    }

    /** The first receipt of each event at {@code path} (what a receiver de-duplicating on the event id processes). */
    List<Delivery> firsts(String path) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return at(path).stream().filter(d -> seen.add(d.eventId() + " " + d.eventType())).toList();
    }

    synchronized void down() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    synchronized void up() throws Exception {
        server = start(port);
    }

    private HttpServer start(int on) throws Exception {
        return vertx.createHttpServer().requestHandler(this::handle).listen(on, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String path = request.path();
            String body = buffer.toString(StandardCharsets.UTF_8);
            int status;
            long slowResource = 0;
            if (!verified(secrets.get(path), request.getHeader("X-SupportGraph-Signature"), body)) {
                badSignatures.add(path + " " + request.getHeader("X-SupportGraph-Signature"));
                status = 401;
            } else if (failing.getOrDefault(path, false)) {
                status = 500;
            } else {
                JsonObject json = new JsonObject(body);
                JsonObject event = json.getJsonObject("event");
                slowResource = slowResources.getOrDefault(event.getJsonObject(event.fieldNames().iterator().next()).getString("id"), 0L);
                distinct.add(path + " " + json.getString("eventId"));
                received.add(new Delivery(path, json.getString("eventId"), json.getString("eventType"), json.getJsonObject("event"),
                        request.getHeader("X-SupportGraph-Event-Id"), OffsetDateTime.parse(json.getString("eventTime")).toInstant(),
                        Instant.now()));
                status = 204;
            }
            Long slow = slowOnce.remove(path);
            long delay = slow != null ? slow
                    : slowResource + java.util.concurrent.ThreadLocalRandom.current().nextLong(jitter.getOrDefault(path, 0L) + 1);
            if (delay == 0) {
                request.response().setStatusCode(status).end();
            } else {
                vertx.setTimer(delay, t -> request.response().setStatusCode(status).end());
            }
        });
    }
    /** The receiver's side of docs/webhooks.md: recompute HMAC-SHA256 over "t.body" and compare. */
    private static boolean verified(String secret, String header, String body) {
        if (secret == null || header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf(",v1=") + 4);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
