package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import dev.supportgraph.ticket.TicketKind;
import io.micrometer.core.instrument.Gauge;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.supportgraph.events.TicketStatusSubscriptionTest.SUBSCRIPTION;
import static dev.supportgraph.events.TicketStatusSubscriptionTest.WAIT;
import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays (after:) over real WebSockets: subscribers that replay alike do not disturb each other,
 * one caller's replays are limited, and others' live events do not wait for them.
 */
@QuarkusTest
class ReplayIsolationTest {

    private static final int EVENTS = 200;
    /** Rows of other customers a replay passes over. */
    private static final int NOISE = 50_000;
    private static final int REPLAYS = 20;
    /** Events of the replaying customer each replay catches up on. */
    private static final int OWN = 300;

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    TicketEvents events;

    @Inject
    DataSource ds;

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void close() {
        sockets.forEach(GraphQLWebSocket::close);
        sockets.clear();
    }

    @Test
    void identicalReplaysOfOnePortalUserBothReceiveEverything() throws Exception {
        long customer = events.customer("Replay Twins Ltd");
        long report = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel) values (?, 'Twins', 'MINOR', 'LOW', 'PHONE') returning id", customer);
        events.changed(TicketKind.PROBLEM_REPORT, report, customer, "start");
        long start = events.eventIds(TicketKind.PROBLEM_REPORT, report).getFirst();
        for (int i = 0; i < EVENTS; i++) {
            events.changed(TicketKind.PROBLEM_REPORT, report, customer, "change " + i);
        }
        List<Long> expected = events.eventIds(TicketKind.PROBLEM_REPORT, report).subList(1, EVENTS + 1);

        String token = Tokens.customer(customer);
        List<GraphQLWebSocket> twins = List.of(open(token), open(token), open(token), open(token));
        for (GraphQLWebSocket ws : twins) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", null);
            variables.put("after", EventId.encode(start));
            ws.subscribe("1", SUBSCRIPTION, variables);
        }
        ExecutorService readers = Executors.newFixedThreadPool(twins.size());
        try {
            List<Future<List<Long>>> received = new ArrayList<>();
            for (GraphQLWebSocket ws : twins) {
                received.add(readers.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < EVENTS; i++) {
                        JsonObject event = ws.nextData("1", "ticketStatusChanged", WAIT);
                        assertEquals("Replay Twins Ltd", event.getJsonObject("customer").getString("name"));
                        assertEquals(GlobalId.encode("ProblemReport", report), event.getJsonObject("ticket").getString("id"));
                        ids.add(EventId.decode(event.getString("eventId")));
                    }
                    return ids;
                }));
            }
            for (Future<List<Long>> ids : received) {
                assertEquals(expected, ids.get());
            }
        } finally {
            readers.shutdown();
        }
    }

    /**
     * 20 replays of one portal user, each of 300 events past 50,000 rows of other customers: at
     * most replays-per-caller of them read at a time, every one still gets all its events in order,
     * and another customer's live event arrives promptly meanwhile (replays read off the dispatcher).
     */
    @Test
    void replaysOfOneCallerAreLimitedAndDoNotDelayOthersLiveEvents() throws Exception {
        long replaying = events.customer("Replaying Ltd");
        long report = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel) values (?, 'Old', 'MINOR', 'LOW', 'PHONE') returning id", replaying);
        events.changed(TicketKind.PROBLEM_REPORT, report, replaying, "start");
        long start = events.eventIds(TicketKind.PROBLEM_REPORT, report).getFirst();
        // Other customers' history between the cursor and now, then the replaying customer's own events.
        Sql.exec(ds, """
                insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                select 'TICKET_STATUS_CHANGED', 'PROBLEM_REPORT', -n, null, '{}'::jsonb from generate_series(1, ?) n""", NOISE);
        for (int i = 0; i < OWN; i++) {
            events.changed(TicketKind.PROBLEM_REPORT, report, replaying, "missed " + i);
        }
        List<Long> missed = events.eventIds(TicketKind.PROBLEM_REPORT, report).subList(1, OWN + 1);

        long watcher = events.customer("Live Ltd");
        long live = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel) values (?, 'Live', 'MINOR', 'LOW', 'PHONE') returning id", watcher);
        GraphQLWebSocket watching = open(Tokens.customer(watcher));
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", null);
        variables.put("after", null);
        watching.subscribe("1", SUBSCRIPTION, variables);
        Thread.sleep(500);

        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicInteger most = new AtomicInteger();
        Gauge reading = registry.get("supportgraph.events.replays.reading").gauge();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                most.accumulateAndGet((int) reading.value(), Math::max);
                Thread.onSpinWait();
            }
        });
        List<GraphQLWebSocket> replays = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            GraphQLWebSocket ws = open(Tokens.customer(replaying));
            Map<String, Object> after = new HashMap<>();
            after.put("filter", null);
            after.put("after", EventId.encode(start));
            ws.subscribe("1", SUBSCRIPTION, after);
            replays.add(ws);
        }

        long sent = System.nanoTime();
        events.changed(TicketKind.PROBLEM_REPORT, live, watcher, "live");
        assertEquals("live", watching.nextData("1", "ticketStatusChanged", WAIT).getString("reason"));
        long latency = (System.nanoTime() - sent) / 1_000_000;
        for (GraphQLWebSocket ws : replays) {
            List<Long> received = new ArrayList<>();
            for (int i = 0; i < OWN; i++) {
                received.add(EventId.decode(ws.nextData("1", "ticketStatusChanged", WAIT).getString("eventId")));
            }
            assertEquals(missed, received);
        }
        sampling.set(false);
        sampler.join();
        assertTrue(most.get() >= 1 && most.get() <= config.replaysPerCaller(),
                "replays reading at once: " + most.get() + ", limit " + config.replaysPerCaller());
        assertTrue(latency < 2_000, "the live event arrived " + latency + " ms after its commit");
    }

    private GraphQLWebSocket open(String token) throws Exception {
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, token).init(null);
        sockets.add(ws);
        return ws;
    }
}
