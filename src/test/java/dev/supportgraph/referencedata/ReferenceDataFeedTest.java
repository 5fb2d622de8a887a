package dev.supportgraph.referencedata;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.GraphQLWebSocket;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.referencedata.ReferenceDataTest.unique;
import static dev.supportgraph.testing.GraphQLWebSocket.TRANSPORT_WS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** referenceDataChanged over a real WebSocket, fed by the reference-data mutations: each change once, in order, with replay. */
@QuarkusTest
class ReferenceDataFeedTest {

    private static final String FEED = """
            subscription($types: [ExternalType!], $after: String) {
              referenceDataChanged(types: $types, after: $after) {
                eventId type nodeId externalId change actor node { id ... on Customer { name } ... on Contact { status } }
              }
            }""";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    DataSource ds;

    @Test
    void eachChangeArrivesOnceInOrderAndReplaysFromACursor() throws Exception {
        // From the outbox's current end, so that nothing committed while subscribing is missed.
        String start = "E" + String.format("%019d", Sql.count(ds, "select coalesce(max(id), 0) from outbox_event"));
        String customer = unique();
        String contact = unique();
        try (GraphQLWebSocket ws = subscribe(Tokens.integration(), start)) {
            upsertCustomer(customer, "Acme");
            upsertCustomer(customer, "Acme");
            upsertCustomer(customer, "Acme AG");
            GraphQLClient.mutate(Tokens.integration(), "resourceUpsert", "{externalId: \"" + unique() + "\", name: \"" + unique()
                    + "\", category: \"OLT\"}", "outcome");
            GraphQLClient.mutate(Tokens.integration(), "contactUpsert", "{externalId: \"" + contact + "\", customerExternalId: \""
                    + customer + "\", name: \"Ann\", role: \"IT\"}", "outcome");
            GraphQLClient.mutate(Tokens.integration(), "contactDeactivate", "{externalId: \"" + contact + "\"}", "outcome");

            List<JsonObject> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.add(ws.nextData("1", "referenceDataChanged", WAIT));
            }
            ws.assertSilent(QUIET);
            assertEquals(List.of("CUSTOMER CREATED " + customer, "CUSTOMER UPDATED " + customer, "CONTACT CREATED " + contact,
                    "CONTACT DEACTIVATED " + contact), events.stream().map(e -> e.getString("type") + " " + e.getString("change")
                    + " " + e.getString("externalId")).toList());
            // The node as it is when the event is delivered: at least as new as the change.
            assertEquals("Acme AG", events.get(1).getJsonObject("node").getString("name"));
            assertEquals("INACTIVE", events.get(3).getJsonObject("node").getString("status"));
            assertEquals("integration@supportgraph.dev", events.getFirst().getString("actor"));

            try (GraphQLWebSocket replay = subscribe(Tokens.admin(), events.getFirst().getString("eventId"))) {
                List<String> replayed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replayed.add(replay.nextData("1", "referenceDataChanged", WAIT).getString("eventId"));
                }
                replay.assertSilent(QUIET);
                assertEquals(events.subList(1, 4).stream().map(e -> e.getString("eventId")).toList(), replayed);
            }
        }
    }

    @Test
    void otherRolesAreRefused() throws Exception {
        for (String token : List.of(Tokens.agent(), Tokens.sre(), Tokens.customer(1))) {
            try (GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, token).init(null)) {
                ws.subscribe("1", FEED, Map.of());
                JsonArray errors = ws.next("1", WAIT).getJsonArray("errors");
                assertEquals("FORBIDDEN", errors.getJsonObject(0).getJsonObject("extensions").getString("code"), errors::encode);
            }
        }
    }

    private GraphQLWebSocket subscribe(String token, String after) throws Exception {
        GraphQLWebSocket ws = GraphQLWebSocket.open(vertx, endpoint, TRANSPORT_WS, token).init(null);
        ws.subscribe("1", FEED, Map.of("types", List.of("CUSTOMER", "CONTACT"), "after", after));
        return ws;
    }

    private static void upsertCustomer(String ext, String name) {
        GraphQLClient.mutate(Tokens.integration(), "customerUpsert", "{externalId: \"" + ext + "\", accountNumber: \"" + ext
                + "\", name: \"" + name + "\", segment: ENTERPRISE, creditRating: 700}", "outcome");
    }
}
