package dev.supportgraph.graph;

import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests stuck on a row lock another connection holds: each is cut off by the per-request
 * deadline (its statement included) with a timeout error and changes nothing, while unrelated
 * requests, more of them than there are event loops, stay fast meanwhile. And a stalled event
 * loop shows in readiness and in a gauge.
 */
@QuarkusTest
@TestProfile(StarvationTest.Profile.class)
class StarvationTest {

    /** A request timeout that the unrelated requests stay well within on a busy machine. */
    public static class Profile implements QuarkusTestProfile {
        static final String TIMEOUT = "PT8S";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.query-limits.timeout", TIMEOUT);
        }
    }

    /** More stuck requests than the event loops of a small pod. */
    private static final int STUCK = 8;

    @Inject
    DataSource ds;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Test
    void requestsWaitingOnALockTimeOutAndDoNotDelayOthers() throws Exception {
        long budget = Duration.parse(Profile.TIMEOUT).toMillis();
        long mine = Fixtures.customer(ds, 700);
        long theirs = Fixtures.customer(ds, 700);
        long report = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status)
                values (?, 'locked', 'MINOR', 'LOW', 'PHONE', 'IN_PROGRESS') returning id""", mine);
        Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel) values (?, 'theirs', 'MINOR', 'LOW', 'PHONE')", theirs);
        String id = GlobalId.encode("ProblemReport", report);
        String unrelated = "{ problemReports(first: 5) { edges { node { id title status } } } }";
        String portal = Tokens.customer(theirs);
        for (int i = 0; i < 5; i++) {
            // Warm-up (the first requests of a fresh service compile code and may run into the tiny budget).
            GraphQLClient.post(portal, unrelated).statusCode(200);
        }

        ExecutorService pool = Executors.newFixedThreadPool(STUCK);
        List<Future<JsonPath>> stuck = new ArrayList<>();
        List<Long> fast = new ArrayList<>();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("select id from problem_report where id = ? for update")) {
                s.setLong(1, report);
                s.executeQuery();
            }
            long fired = System.nanoTime();
            for (int i = 0; i < STUCK; i++) {
                String to = i % 2 == 0 ? "HELD" : "PENDING";
                stuck.add(pool.submit(() -> GraphQLClient.post(Tokens.agent(), "mutation { problemReportTransition(input: {id: \""
                        + id + "\", expectedVersion: 0, to: " + to + "}) { problemReport { status } userErrors { code } } }")
                        .statusCode(200).extract().jsonPath()));
            }
            awaitLockWaiters();
            // While they wait: unrelated portal reads, one after the other. Queued behind the stuck
            // requests, none would finish before those time out.
            while (stuck.stream().noneMatch(Future::isDone)) {
                long start = System.nanoTime();
                GraphQLClient.post(portal, unrelated).statusCode(200).body("errors", equalTo(null))
                        .body("data.problemReports.edges[0].node.title", equalTo("theirs"));
                if (stuck.stream().noneMatch(Future::isDone)) {
                    fast.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            for (Future<JsonPath> result : stuck) {
                JsonPath json = result.get(budget * 3, TimeUnit.MILLISECONDS);
                assertTrue(timedOut(json), json::prettify);
            }
            long ended = (System.nanoTime() - fired) / 1_000_000;
            assertTrue(ended < budget * 3, "the stuck requests end at their deadline, not when the lock goes: after " + ended + " ms");
            lock.rollback();
        } finally {
            pool.shutdown();
        }
        assertTrue(fast.size() >= 3, "unrelated requests are answered while the stuck ones wait: " + fast + " ms");
        assertEquals(Map.of("status", "IN_PROGRESS", "version", 0L), Sql.row(ds, "select status, version from problem_report where id = ?", report));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aStalledEventLoopShowsInReadinessAndTheLagGauge() throws Exception {
        long stall = 6_000;
        vertx.nettyEventLoopGroup().next().execute(() -> {
            try {
                Thread.sleep(stall);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.currentTimeMillis() + stall;
        boolean down = false;
        double lag = 0;
        while (!down && System.currentTimeMillis() < deadline) {
            down = given().get("/q/health/ready").then().extract().statusCode() == 503;
            // Read when readiness answers: that answer may itself wait for the stalled loop.
            lag = registry.get("supportgraph.event.loop.lag").gauge().value();
            Thread.sleep(100);
        }
        assertTrue(down, "readiness goes DOWN while an event loop is stalled");
        assertTrue(lag >= 2.0, "the lag gauge shows the stall: " + lag);
        given().get("/q/health/live").then().statusCode(200);
        Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()) + 1_500);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Waits until some of the stuck requests' statements wait on the row lock. */
    private void awaitLockWaiters() throws InterruptedException {
        for (int i = 0; i < 100 && Sql.count(ds, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0; i++) {
            Thread.sleep(20);
        }
    }

    /** The request's deadline ran out: a userError TIMEOUT, or the execution's own timeout error. */
    private static boolean timedOut(JsonPath json) {
        Object code = json.get("data.problemReportTransition.userErrors[0].code");
        return "TIMEOUT".equals(code) || Set.of("TIMEOUT", "QUERY_TOO_COMPLEX").contains(json.get("errors[0].extensions.code"));
    }
}
