package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Running clocks that become AT_RISK and then BREACHED by time alone, with no write, are announced
 * by the SLA job once per ticket and crossing (TICKET_SLA_CHANGED), even by two replicas at once and
 * on re-runs; a queue subscription filtered on the SLA state sees the tickets enter and leave.
 * ENTERPRISE HIGH: 8 h to resolve, at risk 30 min before.
 */
@QuarkusTest
class SlaCrossingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int TICKETS = 40;
    private static final String QUEUE = """
            subscription($queue: TicketQueueFilter!) {
              ticketQueueChanged(queue: $queue) { ticketId change cause actor }
            }""";

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaDueTimes dueTimes;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/graphql")
    URI endpoint;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void crossingsByTimeAreAnnouncedOncePerTicketAcrossReplicas() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        long customer = Fixtures.customer(ds, 700);
        long group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "X-" + UUID.randomUUID());
        String queue = GlobalId.encode("WorkGroup", group);
        // Due in 40 minutes: on track now, at risk in 10, breached in 40.
        List<Long> reports = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            reports.add(report(customer, group, now.minus(Duration.ofMinutes(440))));
        }
        String watched = GlobalId.encode("ProblemReport", reports.getFirst());
        try (GraphQLWebSocket atRisk = subscribed(Map.of("workGroupId", queue, "slaState", List.of("AT_RISK")));
             GraphQLWebSocket breached = subscribed(Map.of("workGroupId", queue, "slaState", List.of("BREACHED")))) {
            dueTimes.refresh();
            assertEquals(TICKETS, events(group), "each new clock is announced once when stored (on track)");
            dueTimes.announceCrossings();
            assertEquals(TICKETS, events(group), "nothing crossed yet");

            clock.set(now.plus(Duration.ofMinutes(15)));
            concurrently();
            assertEquals(2 * TICKETS, events(group), "two replicas at once announce each crossing once");
            dueTimes.announceCrossings();
            assertEquals(2 * TICKETS, events(group), "a re-run announces nothing");
            assertEquals(TICKETS, Sql.count(ds, "select count(*) from problem_report where work_group_id = ? and sla_announced = 'AT_RISK'", group));
            Set<String> entered = drain(atRisk, "ENTERED");
            assertEquals(TICKETS, entered.size());
            assertEquals(true, entered.contains(watched));
            breached.assertSilent(Duration.ofMillis(200));

            clock.set(now.plus(Duration.ofMinutes(45)));
            concurrently();
            dueTimes.announceCrossings();
            assertEquals(3 * TICKETS, events(group));
            assertEquals(TICKETS, drain(atRisk, "LEFT").size());
            assertEquals(TICKETS, drain(breached, "ENTERED").size());
            atRisk.assertSilent(Duration.ofMillis(200));
        }
    }

    @Test
    void aRewrittenClockIsJudgedAgainAndAnOverdueOneCrossesOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        long customer = Fixtures.customer(ds, 700);
        long group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "Y-" + UUID.randomUUID());
        // Due in 20 minutes: already at risk when first stored, which its own event tells.
        long report = report(customer, group, now.minus(Duration.ofMinutes(460)));
        dueTimes.refresh();
        assertEquals("AT_RISK", announced(report));
        dueTimes.announceCrossings();
        assertEquals(1, events(group), "the stored clock's event told AT_RISK; no crossing to announce");

        // An hour later (the job was down), the clock crossed straight into BREACHED: one event, judged from AT_RISK.
        clock.set(now.plus(Duration.ofHours(1)));
        dueTimes.announceCrossings();
        dueTimes.announceCrossings();
        assertEquals(2, events(group));
        assertEquals("BREACHED", announced(report));
        JsonObject payload = new JsonObject((String) Sql.row(ds, "select payload::text as p from outbox_event where type = 'TICKET_SLA_CHANGED' "
                + "and aggregate_id = ? order by id desc limit 1", report).get("p"));
        Instant due = now.plus(Duration.ofMinutes(20));
        assertEquals(due.minus(1, ChronoUnit.MICROS), OffsetDateTime.parse(payload.getString("atBefore")).toInstant());
        assertEquals(payload.getJsonObject("queueBefore"), payload.getJsonObject("queue"), "the stored clock did not move");

        // A change rewrites the clock (paused in PENDING before the due time): judged again, nothing is left to cross.
        clock.set(now);
        String id = GlobalId.encode("ProblemReport", report);
        for (String to : List.of("IN_PROGRESS", "PENDING")) {
            int version = (int) Sql.count(ds, "select version from problem_report where id = ?", report);
            assertEquals(List.of(), GraphQLClient.mutate(Tokens.agent(), "problemReportTransition", "{id: \"" + id
                    + "\", expectedVersion: " + version + ", to: " + to + "}", "problemReport { version }").getList("userErrors"));
        }
        dueTimes.refresh();
        assertNull(announced(report));
        assertEquals(0, Sql.count(ds, "select count(*) from problem_report where id = ? and resolution_clock = 'RUNNING'", report));
    }

    /** Two "replicas" run the crossing step at the same time. */
    private void concurrently() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return dueTimes.announceCrossings();
            }));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
    }

    /** TICKET_SLA_CHANGED events of the group's reports. */
    private long events(long group) {
        return Sql.count(ds, "select count(*) from outbox_event where type = 'TICKET_SLA_CHANGED' and aggregate = 'PROBLEM_REPORT' "
                + "and aggregate_id in (select id from problem_report where work_group_id = ?)", group);
    }

    private String announced(long report) {
        return (String) Sql.row(ds, "select sla_announced from problem_report where id = ?", report).get("sla_announced");
    }

    /** The ticket ids of {@link #TICKETS} events, each of the given change and caused by the SLA job. */
    private static Set<String> drain(GraphQLWebSocket ws, String change) throws InterruptedException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < TICKETS; i++) {
            JsonObject event = ws.nextData("1", "ticketQueueChanged", WAIT);
            assertEquals(change + " SLA", event.getString("change") + " " + event.getString("cause"));
            assertNull(event.getString("actor"));
            ids.add(event.getString("ticketId"));
        }
        return ids;
    }

    /** An ACKNOWLEDGED HIGH report of the group, created then (changed now, so its first clock is announced). */
    private long report(long customer, long group, Instant created) {
        OffsetDateTime at = created.atOffset(ZoneOffset.UTC);
        long id = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status, work_group_id, created_at) "
                + "values (?, 'Slow', 'MAJOR', 'HIGH', 'AGENT', 'ACKNOWLEDGED', ?, ?) returning id", customer, group, at);
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, to_status, actor, changed_at) values (?, ?, 'ACKNOWLEDGED', 'test', ?)",
                id, customer, at);
        return id;
    }

    private GraphQLWebSocket subscribed(Map<String, Object> queue) throws Exception {
        int expected = (int) registry.get("supportgraph.subscriptions.active").gauge().value() + 1;
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, GraphQLWebSocket.TRANSPORT_WS, Tokens.agent()).init(null);
        ws.subscribe("1", QUEUE, Map.of("queue", queue));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (registry.get("supportgraph.subscriptions.active").gauge().value() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return ws;
    }
}
