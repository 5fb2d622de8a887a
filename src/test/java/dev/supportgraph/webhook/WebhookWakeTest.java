package dev.supportgraph.webhook;

import dev.supportgraph.events.EventsConfig;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender runs by itself and wakes on the outbox NOTIFY (docs/webhooks.md): with the tick and
 * the dispatcher's poll an hour apart, an event committed with its NOTIFY reaches the receiver
 * within seconds, without the test driving any pass.
 */
@QuarkusTest
@TestProfile(WebhookWakeTest.Profile.class)
class WebhookWakeTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.webhooks.every", "1h", "supportgraph.events.poll-interval", "PT1H");
        }
    }

    @Inject
    DataSource ds;

    @Inject
    EventsConfig events;

    @Inject
    WebhookFanOut fanOut;

    @Test
    void anEventWithItsNotifyIsDeliveredWithoutATick() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Wake', 'ENTERPRISE', 700) returning id",
                    "wake-" + UUID.randomUUID());
            JsonPath registered = GraphQLClient.mutate(Tokens.admin(), "eventListenerRegister", "{callbackUrl: \"" + receiver.url("/wake")
                    + "\", eventTypes: [PRODUCT_ORDER_STATE_CHANGE], customerId: \"" + GlobalId.encode("Customer", customer) + "\"}", "secret");
            receiver.secret("/wake", registered.getString("secret"));
            // The consumer exists before the events (a new one starts at the newest event); nothing is sent by this.
            fanOut.run();
            for (int i = 0; i < 3; i++) {
                Sql.exec(ds, """
                        with e as (insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                                   values ('ORDER_STATE_CHANGED', 'ORDER', 938001, ?, jsonb_build_object('to', ?::text, 'at', now()::text)) returning id)
                        select e.id from e, pg_notify(?, e.id::text)""", customer, List.of("IN_PROGRESS", "PENDING", "COMPLETED").get(i), events.channel());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (receiver.firsts("/wake").size() < 3) {
                assertTrue(System.nanoTime() < deadline, "not delivered without a tick: " + receiver.received);
                Thread.sleep(50);
            }
            assertEquals(List.of("inProgress", "pending", "completed"), receiver.firsts("/wake").stream()
                    .map(d -> d.event().getJsonObject("productOrder").getString("state")).toList());
            assertEquals(List.of(), receiver.badSignatures);
        }
    }
}
