package dev.supportgraph.events;

import dev.supportgraph.devdb.EmbeddedDatabase;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.subscription.TicketEventFilter;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.PackagedApp;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service on one database, as replicas run: an event committed by a
 * mutation on one reaches a subscriber of the other (LISTEN/NOTIFY), and a subscriber of either
 * can replay with after: what the other produced. Uses its own embedded PostgreSQL unless the run
 * has a database configured (QUARKUS_DATASOURCE_* in the environment, inherited by both).
 */
class TwoReplicasIT {

    private static final String SUBSCRIPTION = """
            subscription($filter: TicketEventFilter, $after: String) {
              ticketStatusChanged(filter: $filter, after: $after) {
                eventId kind ticketId previousStatus status actor ticket { id status }
              }
            }""";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static EmbeddedDatabase database;
    private static PackagedApp a;
    private static PackagedApp b;
    private static Vertx vertx;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        // Tokens are signed outside Quarkus here: the key the test profile trusts.
        System.setProperty("smallrye.jwt.sign.key.location", "test-signing-key.pem");
        Map<String, String> properties = new HashMap<>(Map.of("quarkus.profile", "test"));
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            database = EmbeddedDatabase.start(null, 0);
            properties.putAll(database.properties());
        }
        a = PackagedApp.start("replica-a", properties);
        // The first replica migrated (and cleaned) the database; the second must not clean it again.
        properties.put("quarkus.flyway.clean-at-start", "false");
        b = PackagedApp.start("replica-b", properties);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        for (PackagedApp app : new PackagedApp[] {b, a}) {
            if (app != null) {
                app.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSubscriberOnOneReplicaReceivesTheChangesCommittedOnTheOther() throws Exception {
        TicketMutations onA = new TicketMutations(graphql(a));
        TicketMutations onB = new TicketMutations(graphql(b));
        long customer = customer();
        String report = onA.problemReport(Tokens.agent(), customer);

        try (GraphQLWebSocket ws = subscribe(a, Tokens.customer(customer), null, report)) {
            onB.transition(Tokens.agent(), report, "IN_PROGRESS", null);
            JsonObject event = event(ws);
            assertEquals(report, event.getString("ticketId"));
            assertEquals("PROBLEM_REPORT", event.getString("kind"));
            assertEquals("ACKNOWLEDGED", event.getString("previousStatus"));
            assertEquals("IN_PROGRESS", event.getString("status"));
            assertEquals("agent@supportgraph.dev", event.getString("actor"));
            assertEquals(new JsonObject().put("id", report).put("status", "IN_PROGRESS"), event.getJsonObject("ticket"));
            ws.assertSilent(Duration.ofMillis(700));
        }
    }

    @Test
    void aSubscriberOnOneReplicaReplaysWhatTheOtherProduced() throws Exception {
        TicketMutations onA = new TicketMutations(graphql(a));
        String report = onA.problemReport(Tokens.agent(), customer());
        onA.transition(Tokens.agent(), report, "IN_PROGRESS", null);
        onA.transition(Tokens.agent(), report, "PENDING", "waiting for the customer");

        // Behind the creation event: the two changes made on A are replayed by B, in order.
        long created = Sql.count(dataSource(), "select min(id) from outbox_event where aggregate = 'PROBLEM_REPORT' and aggregate_id = ?",
                GlobalId.decode(report).id());
        try (GraphQLWebSocket ws = subscribe(b, Tokens.agent(), EventId.encode(created), report)) {
            JsonObject started = event(ws);
            assertEquals("ACKNOWLEDGED", started.getString("previousStatus"));
            assertEquals("IN_PROGRESS", started.getString("status"));
            JsonObject pending = event(ws);
            assertEquals("PENDING", pending.getString("status"));
            assertTrue(pending.getString("eventId").compareTo(started.getString("eventId")) > 0, "event ids increase");
            ws.assertSilent(Duration.ofMillis(700));
        }
    }

    private static GraphQLWebSocket subscribe(PackagedApp app, String token, String after, String ticketId) throws Exception {
        // The token travels in connection_init, as browsers send it.
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, graphql(app), TRANSPORT_WS, null).init(token);
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", Map.of("ticketIds", List.of(ticketId)));
        variables.put("after", after);
        ws.subscribe("1", SUBSCRIPTION, variables);
        // subscribe has no acknowledgement: give the server a moment to register it.
        Thread.sleep(1000);
        return ws;
    }

    private static JsonObject event(GraphQLWebSocket ws) throws InterruptedException {
        return ws.nextData("1", "ticketStatusChanged", WAIT);
    }

    private static URI graphql(PackagedApp app) {
        return URI.create("http://127.0.0.1:" + app.port + "/graphql");
    }

    private static long customer() {
        return Sql.exec(dataSource(), "insert into customer (account_number, name, segment, credit_rating) values (?, 'Replica Ltd', 'CONSUMER', 700) returning id",
                "RP-" + UUID.randomUUID());
    }

    private static DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        Map<String, String> configured = database == null ? Map.of() : database.properties();
        ds.setUrl(configured.getOrDefault("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL")));
        ds.setUser(configured.getOrDefault("quarkus.datasource.username", System.getenv("QUARKUS_DATASOURCE_USERNAME")));
        ds.setPassword(configured.getOrDefault("quarkus.datasource.password", System.getenv("QUARKUS_DATASOURCE_PASSWORD")));
        return ds;
    }
}
