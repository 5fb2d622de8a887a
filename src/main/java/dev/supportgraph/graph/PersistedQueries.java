package dev.supportgraph.graph;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The documents known by their SHA-256 hash: those loaded from {@code supportgraph.persisted-queries.documents}
 * at start-up (the trusted ones) and, unless trusted-only, those clients registered with Apollo's
 * Automatic Persisted Queries (bounded, least recently used dropped first).
 */
@ApplicationScoped
public class PersistedQueries {

    @Inject
    PersistedQueriesConfig config;

    private final Map<String, String> trusted = new ConcurrentHashMap<>();
    private Map<String, String> registered = Map.of();

    void load(@Observes StartupEvent ignored) {
        int maxEntries = config.maxEntries();
        registered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxEntries;
            }
        });
        config.documents().ifPresent(location -> {
            try (Stream<Path> files = Files.isDirectory(location) ? Files.list(location).sorted() : Stream.of(location)) {
                files.filter(Files::isRegularFile).forEach(this::loadFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the persisted documents in " + location, e);
            }
            Log.infof("%d trusted GraphQL documents loaded from %s", trusted.size(), location);
        });
    }

    private void loadFile(Path file) {
        try {
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".graphql") || name.endsWith(".gql")) {
                trusted.put(sha256(text), text);
            } else if (name.endsWith(".json")) {
                JsonObject manifest = new JsonObject(text);
                if (manifest.getValue("operations") instanceof JsonArray operations) {
                    // Apollo's persisted query manifest: {"operations": [{"id": hash, "body": document}]}
                    operations.stream().map(JsonObject.class::cast)
                            .forEach(operation -> trust(file, operation.getString("id"), operation.getString("body")));
                } else {
                    manifest.forEach(entry -> trust(file, entry.getKey(), String.valueOf(entry.getValue())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the persisted documents in " + file, e);
        }
    }

    private void trust(Path file, String hash, String document) {
        if (!sha256(document).equals(hash)) {
            throw new IllegalStateException("Persisted document " + hash + " in " + file + " does not have that SHA-256 hash");
        }
        trusted.put(hash, document);
    }

    /** Whether only the trusted documents may run. */
    boolean trustedOnly() {
        return config.trustedOnly();
    }

    /** Whether clients may send hashes (and register documents, unless trusted-only). */
    boolean enabled() {
        return config.enabled() || config.trustedOnly();
    }

    /** The document with this hash, or null when it is not known. */
    String find(String hash) {
        String document = trusted.get(hash);
        return document != null || config.trustedOnly() ? document : registered.get(hash);
    }

    /** Whether this document may run in trusted-only mode. */
    boolean isTrusted(String document) {
        return trusted.containsKey(sha256(document));
    }

    void register(String hash, String document) {
        if (!trusted.containsKey(hash)) {
            registered.put(hash, document);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
