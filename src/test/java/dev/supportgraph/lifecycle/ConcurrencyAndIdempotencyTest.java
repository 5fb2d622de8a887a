package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimistic locking and idempotent creates under real concurrent transactions over HTTP. */
@QuarkusTest
class ConcurrencyAndIdempotencyTest {

    @Inject
    DataSource ds;

    @Test
    void ofTwoConcurrentUpdatesWithTheSameVersionExactlyOneWins() throws Exception {
        long customer = Fixtures.customer(ds, 700);
        long report = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status)
                values (?, 'race', 'MINOR', 'LOW', 'PHONE', 'IN_PROGRESS') returning id""", customer);
        String id = GlobalId.encode("ProblemReport", report);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonPath>> calls = new ArrayList<>();
        // Hold the row lock so both transactions pass the version check and then meet at the UPDATE.
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("select id from problem_report where id = ? for update")) {
                s.setLong(1, report);
                s.executeQuery();
            }
            for (String to : List.of("PENDING", "HELD")) {
                calls.add(pool.submit(() -> TransitionWalk.mutate(Tokens.agent(), "problemReportTransition",
                        "{id: \"" + id + "\", expectedVersion: 0, to: " + to + "}", "problemReport { status version }")));
            }
            Thread.sleep(1500);
            lock.commit();
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<JsonPath> call : calls) {
            JsonPath result = call.get();
            outcomes.add(result.getList("userErrors").isEmpty() ? "WON" : result.getString("userErrors[0].code"));
        }
        pool.shutdown();
        assertEquals(List.of("STALE_OBJECT", "WON"), outcomes.stream().sorted().toList());
        assertEquals(1L, ((Number) Sql.row(ds, "select version from problem_report where id = ?", report).get("version")).longValue());
        assertEquals(1, Sql.count(ds, "select count(*) from status_change where problem_report_id = ?", report));
    }

    @Test
    void aStaleExpectedVersionChangesNothing() {
        long customer = Fixtures.customer(ds, 700);
        long report = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status, version)
                values (?, 'stale', 'MINOR', 'LOW', 'PHONE', 'IN_PROGRESS', 5) returning id""", customer);
        JsonPath result = TransitionWalk.mutate(Tokens.agent(), "problemReportTransition",
                "{id: \"" + GlobalId.encode("ProblemReport", report) + "\", expectedVersion: 4, to: HELD}", "problemReport { status }");
        assertEquals("STALE_OBJECT", result.getString("userErrors[0].code"));
        assertEquals(List.of("input", "expectedVersion"), result.getList("userErrors[0].field"));
        assertEquals("IN_PROGRESS", Sql.row(ds, "select status from problem_report where id = ?", report).get("status"));
    }

    @Test
    void aRetriedCreateReturnsTheFirstResultAndOtherInputIsRefused() {
        long customer = Fixtures.customer(ds, 700);
        String key = UUID.randomUUID().toString();
        String first = create(customer, key, "Line down").getString("problemReport.id");
        assertEquals(first, create(customer, key, "Line down").getString("problemReport.id"));
        JsonPath reused = create(customer, key, "Line flapping");
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.getString("userErrors[0].code"));
        assertEquals(List.of("input", "idempotencyKey"), reused.getList("userErrors[0].field"));
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report where customer_id = ?", customer));
    }

    @Test
    void concurrentRetriesCreateOneObject() throws Exception {
        long customer = Fixtures.customer(ds, 700);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<String>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(() -> create(customer, key, "Outage").getString("problemReport.id"));
        }
        Set<String> ids = pool.invokeAll(retries).stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        pool.shutdown();
        assertEquals(1, ids.size(), "all retries return the same report: " + ids);
        assertTrue(ids.iterator().next() != null);
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report where customer_id = ?", customer));
        assertEquals(1, Sql.count(ds, "select count(*) from outbox_event where aggregate = 'PROBLEM_REPORT' and customer_id = ?", customer));
    }

    private static JsonPath create(long customer, String key, String title) {
        return TransitionWalk.mutate(Tokens.agent(), "problemReportCreate", "{idempotencyKey: \"" + key + "\", customerId: \""
                + GlobalId.encode("Customer", customer) + "\", title: \"" + title + "\", severity: MAJOR, priority: HIGH}",
                "problemReport { id }");
    }
}
