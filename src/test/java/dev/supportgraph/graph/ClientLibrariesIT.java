package dev.supportgraph.graph;

import dev.supportgraph.devdb.EmbeddedDatabase;
import dev.supportgraph.testing.PackagedApp;
import dev.supportgraph.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Apollo Client 4 (persisted-query link) and urql 6 (graphcache, GET queries) run real operations
 * against the packaged app, Relay-style {@code nodes(ids: [ID!]!)} included: {@code clients/live.mjs}
 * on node, with the client libraries clients/check.sh installed from npm (the one reason to skip:
 * npm was unreachable, which check.sh reports).
 */
class ClientLibrariesIT {

    private static final Path CLIENTS = Path.of("clients");
    private static final long NODE_SECONDS = 120;

    private static EmbeddedDatabase database;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        // Tokens are signed outside Quarkus here: the key the test profile trusts.
        System.setProperty("smallrye.jwt.sign.key.location", "test-signing-key.pem");
        Map<String, String> properties = new HashMap<>(Map.of("quarkus.profile", "test"));
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            database = EmbeddedDatabase.start(null, 0);
            properties.putAll(database.properties());
        }
        app = PackagedApp.start("client-libraries", properties);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void apolloAndUrqlRunRealOperations() throws Exception {
        assumeTrue(Files.isDirectory(CLIENTS.resolve("node_modules/@apollo/client"))
                        && Files.isDirectory(CLIENTS.resolve("node_modules/@urql/core")),
                "SKIPPED: clients/node_modules lacks Apollo Client and urql (clients/check.sh installs them; npm unreachable?)");
        Path output = Path.of("target", "client-libraries-node.log");
        ProcessBuilder node = new ProcessBuilder("node", "live.mjs").directory(CLIENTS.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("SUPPORTGRAPH_URL", "http://127.0.0.1:" + app.port + "/graphql");
        node.environment().put("SUPPORTGRAPH_TOKEN", Tokens.admin());
        Process process = node.start();
        boolean finished = process.waitFor(NODE_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);
        assertEquals(true, finished, "node clients/live.mjs did not finish within " + NODE_SECONDS + " s: " + log);
        assertEquals(0, process.exitValue(), log + "\napp log:\n" + app.tail());
    }
}
