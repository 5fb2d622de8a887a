package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.TestClock;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SLA at-risk and breach alerts go out on the slaAlerts subscription, driven by the evaluator with
 * a moved clock: staff and the owning portal customer receive them once, in order; another
 * customer's portal user receives nothing.
 */
@QuarkusTest
class SlaAlertSubscriptionTest {

    private static final String SUBSCRIPTION = """
            subscription($customerId: ID) {
              slaAlerts(customerId: $customerId) { eventId kind ticketId number dueAt occurredAt ticket { id status } }
            }""";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaEvaluator evaluator;

    @Inject
    MeterRegistry registry;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
        clock.reset();
    }

    @Test
    void atRiskThenBreachReachStaffAndTheOwnerOnly() throws Exception {
        long customer = customer();
        long stranger = customer();
        // ENTERPRISE/HIGH resolves in 8 h: created 10:00, started 10:10 -> due 18:00, at risk from 17:30.
        Instant t0 = Instant.parse("2001-06-01T10:00:00Z");
        long report = report(customer, t0);
        String reportId = GlobalId.encode("ProblemReport", report);

        GraphQLWebSocket staff = subscribed(Tokens.agent(), GlobalId.encode("Customer", customer));
        GraphQLWebSocket owner = subscribed(Tokens.customer(customer), null);
        GraphQLWebSocket other = subscribed(Tokens.customer(stranger), null);

        clock.set(t0.plus(Duration.ofMinutes(7 * 60 + 31)));
        evaluator.evaluate();
        JsonObject atRisk = alert(staff);
        assertEquals("RESOLUTION_AT_RISK", atRisk.getString("kind"));
        assertEquals(reportId, atRisk.getString("ticketId"));
        assertEquals("2001-06-01T18:00Z", OffsetDateTime.parse(atRisk.getString("dueAt")).withOffsetSameInstant(ZoneOffset.UTC).toString());
        assertEquals(new JsonObject().put("id", reportId).put("status", "IN_PROGRESS"), atRisk.getJsonObject("ticket"));
        assertEquals(atRisk.getString("eventId"), alert(owner).getString("eventId"));

        clock.set(t0.plus(Duration.ofMinutes(8 * 60 + 1)));
        evaluator.evaluate();
        evaluator.evaluate();
        assertEquals("RESOLUTION_BREACHED", alert(staff).getString("kind"));
        assertEquals("RESOLUTION_BREACHED", alert(owner).getString("kind"));

        staff.assertSilent(QUIET);
        owner.assertSilent(QUIET);
        other.assertSilent(QUIET);
    }

    private GraphQLWebSocket subscribed(String token, String customerId) throws Exception {
        double before = registry.get("supportgraph.subscriptions.active").gauge().value();
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, null).init(token);
        sockets.add(ws);
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", customerId);
        ws.subscribe("1", SUBSCRIPTION, variables);
        // subscribe has no acknowledgement: wait until the server has registered it.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (registry.get("supportgraph.subscriptions.active").gauge().value() < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return ws;
    }

    private static JsonObject alert(GraphQLWebSocket ws) throws InterruptedException {
        return ws.nextData("1", "slaAlerts", WAIT);
    }

    private long customer() {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'SLA Alerts', 'ENTERPRISE', 700) returning id",
                "SLA-A-" + UUID.randomUUID());
    }

    private long report(long customer, Instant t0) {
        OffsetDateTime created = OffsetDateTime.ofInstant(t0, ZoneOffset.UTC);
        long id = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status, created_at, updated_at)
                values (?, 'Down', 'MAJOR', 'HIGH', 'PHONE', 'IN_PROGRESS', ?, ?) returning id""", customer, created, created);
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, from_status, to_status, actor, changed_at) values (?, ?, null, 'ACKNOWLEDGED', 'agent', ?)",
                id, customer, created);
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, from_status, to_status, actor, changed_at) values (?, ?, 'ACKNOWLEDGED', 'IN_PROGRESS', 'agent', ?)",
                id, customer, created.plusMinutes(10));
        return id;
    }
}
