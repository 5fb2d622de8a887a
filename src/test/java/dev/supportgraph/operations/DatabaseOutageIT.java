package dev.supportgraph.operations;

import dev.supportgraph.devdb.EmbeddedDatabase;
import dev.supportgraph.testing.PackagedApp;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness follows the database: the packaged app reports DOWN, naming the database check, while
 * PostgreSQL is stopped, and UP again once it is back, without a restart. Uses an embedded server
 * of its own (whatever the run is configured with) because the test must stop and start it.
 */
class DatabaseOutageIT {

    private static final String DATABASE_CHECK = "Database connections health check";

    @Test
    void readinessGoesDownWithTheDatabaseAndRecoversWithoutRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("outage-db");
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, dbPort);
        try (PackagedApp app = PackagedApp.start("database-outage-app", database.properties())) {
            assertEquals(200, app.get("/q/health/ready").statusCode());

            database.close();
            HttpResponse<String> down = app.await("/q/health/ready", 503, Duration.ofSeconds(30));
            assertTrue(down.body().contains(DATABASE_CHECK) && down.body().contains("\"DOWN\""),
                    "readiness names the failing database check: " + down.body());
            assertEquals(200, app.get("/q/health/live").statusCode(), "liveness is not the database's business");

            database = EmbeddedDatabase.start(dataDir, dbPort);
            HttpResponse<String> up = app.await("/q/health/ready", 200, Duration.ofSeconds(60));
            assertTrue(up.body().contains(DATABASE_CHECK), up.body());
            assertTrue(app.process().isAlive(), "recovered without a restart");
        } finally {
            database.close();
        }
    }
}
