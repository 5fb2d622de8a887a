package dev.supportgraph.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (the JVM jar, or the native executable when the build made one) as
 * a separate process on a free port, for tests that must control its lifecycle or run several
 * instances: shutdown, database outages, replicas. Runs the prod profile unless told otherwise.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path APP_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path log;
    public final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the app with these system properties (datasource, profile...) and waits until it is
     * ready. Without OIDC settings it trusts a throwaway public key (no provider needed).
     */
    public static PackagedApp start(String name, Map<String, String> properties) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none-runner"));
        boolean jvm = Files.exists(APP_JAR) || !Files.exists(nativeRunner);
        List<String> command = new ArrayList<>(List.of(
                jvm ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : nativeRunner.toString()));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        if (!properties.containsKey("quarkus.profile")) {
            command.add("-Dquarkus.oidc.public-key=" + throwawayPublicKey());
            command.add("-Dquarkus.oidc.token.issuer=https://issuer.test");
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (jvm) {
            command.addAll(List.of("-jar", APP_JAR.toString()));
        }
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(process, log, port);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    public Process process() {
        return process;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until it answers {@code status} or the time is up; returns the last answer. */
    public HttpResponse<String> await(String path, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + within + "; last: "
                + (last == null ? "nothing" : last.statusCode() + " " + last.body()));
    }

    private void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app stopped during start-up: " + tail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become ready: " + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String throwawayPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
