package dev.supportgraph.testing;

import dev.supportgraph.devdb.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives every test run a real PostgreSQL: the configured one when
 * QUARKUS_DATASOURCE_JDBC_URL (or the system property) is set, otherwise a throwaway embedded
 * PostgreSQL 17. The returned properties also reach the packaged app in {@code *IT} tests.
 */
public class EmbeddedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (configured()) {
            return Map.of();
        }
        database = EmbeddedDatabase.start(null, 0);
        return database.properties();
    }

    private static boolean configured() {
        String url = System.getProperty("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        return url != null && !url.isBlank();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
