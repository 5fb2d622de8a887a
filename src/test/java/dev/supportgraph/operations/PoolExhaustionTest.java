package dev.supportgraph.operations;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An exhausted connection pool shows: with every connection held and more callers waiting than
 * {@code supportgraph.pools.ready-max-waiting} (10), readiness is DOWN with the waiting counts, and
 * /q/metrics exports them; once the connections are back, readiness is UP again.
 */
@QuarkusTest
class PoolExhaustionTest {

    private static final int WAITING = 12;

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @Test
    void anExhaustedJdbcPoolTurnsReadinessDownAndShowsInTheMetrics() throws Exception {
        AtomicBoolean holding = new AtomicBoolean(true);
        List<Connection> held = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        // Each caller keeps asking: one that timed out (acquisition timeout) waits again at once.
        for (int i = 0; i < jdbc.getConfiguration().connectionPoolConfiguration().maxSize() + WAITING; i++) {
            callers.add(Thread.ofPlatform().daemon().start(() -> {
                while (holding.get()) {
                    try {
                        held.add(jdbc.getConnection());
                        return;
                    } catch (SQLException timedOut) {
                        // waits again
                    }
                }
            }));
        }
        try {
            Map<String, Object> pools = awaitPoolsCheck("DOWN");
            assertTrue(((Number) pools.get("jdbcWaiting")).intValue() > 10, pools::toString);
            assertTrue(gauge("agroal_awaiting_threads") > 10, "agroal_awaiting_threads while the pool is exhausted");
            assertEquals(0.0, gauge("agroal_available_connections"));
        } finally {
            holding.set(false);
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(10));
            }
            for (Connection connection : held) {
                connection.close();
            }
        }
        awaitPoolsCheck("UP");
    }

    @Test
    void anExhaustedReactivePoolTurnsReadinessDown() throws Exception {
        AtomicBoolean holding = new AtomicBoolean(true);
        List<SqlConnection> held = new CopyOnWriteArrayList<>();
        // More than the pool has (4, one of them may be LISTENing): the rest queue in the pool.
        for (int i = 0; i < 4 + WAITING; i++) {
            reactive.getConnection().onSuccess(connection -> {
                if (holding.get()) {
                    held.add(connection);
                } else {
                    connection.close();
                }
            });
        }
        try {
            Map<String, Object> pools = awaitPoolsCheck("DOWN");
            assertTrue(((Number) pools.get("reactiveWaiting")).intValue() > 10, pools::toString);
            assertTrue(gauge("sql_pool_queue_size") > 10, "sql_pool_queue_size while the pool is exhausted");
        } finally {
            holding.set(false);
            for (SqlConnection connection : held) {
                connection.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
        awaitPoolsCheck("UP");
    }

    /** Polls /q/health/ready until the pools check has this status; its data. */
    private static Map<String, Object> awaitPoolsCheck(String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = null;
        while (System.nanoTime() < deadline) {
            JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
            Map<String, Object> check = ready.getMap("checks.find { it.name == 'Connection pools' }");
            if (check != null && status.equals(check.get("status"))) {
                if (status.equals("DOWN")) {
                    assertEquals("DOWN", ready.getString("status"), "readiness as a whole");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) check.get("data");
                return data;
            }
            last = ready.prettify();
            Thread.sleep(200);
        }
        return fail("the pools check never became " + status + ": " + last);
    }

    /** The sum of a metric's samples on /q/metrics. */
    private static double gauge(String name) {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(text.contains("# HELP " + name + " "), name + " has a HELP line");
        Matcher sample = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(1));
            found = true;
        }
        assertTrue(found, name + " is exported");
        return sum;
    }
}
