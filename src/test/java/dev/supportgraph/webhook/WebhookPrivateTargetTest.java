package dev.supportgraph.webhook;

import dev.supportgraph.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With private targets refused, as in production (docs/webhooks.md): the sender resolves a callback
 * host again before it connects and refuses it when any address is loopback, whatever the host
 * resolved to when it was registered (here the listeners are written directly, as if their names had
 * resolved to public addresses then).
 */
@QuarkusTest
@TestProfile(WebhookPrivateTargetTest.Profile.class)
class WebhookPrivateTargetTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    DataSource ds;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    WebhookSender sender;

    @Test
    void aHostNameResolvingToLoopbackIsNotSentTo() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Private', 'ENTERPRISE', 700) returning id",
                    "private-" + UUID.randomUUID());
            for (String url : List.of(receiver.url("/by-name").replace("127.0.0.1", "localhost"), receiver.url("/by-address"))) {
                Sql.exec(ds, """
                        insert into webhook_listener (callback_url, event_types, customer_id, secret, created_by)
                        values (?, '{ProductOrderStateChangeEvent}', ?, 'not-used', 'test') returning id""", url, customer);
            }
            fanOut.run();
            Sql.exec(ds, """
                    insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                    values ('ORDER_STATE_CHANGED', 'ORDER', 950001, ?, jsonb_build_object('to', 'IN_PROGRESS', 'at', now()::text)) returning id""", customer);
            fanOut.run();
            assertTrue(sender.sendDue() >= 2, "both deliveries were due and claimed");
            assertEquals(List.of(), List.copyOf(receiver.received));
            assertEquals(List.of(), receiver.badSignatures, "no request reached the receiver at all");
            List<Map<String, Object>> rows = Sql.rows(ds, """
                    select d.status, d.last_error, d.attempts from webhook_delivery d join webhook_listener l on l.id = d.listener_id
                    where l.customer_id = ?""", customer);
            assertEquals(2, rows.size());
            for (Map<String, Object> row : rows) {
                assertEquals("PENDING", row.get("status"), "retried later: the name may resolve elsewhere then");
                assertTrue(String.valueOf(row.get("last_error")).contains("loopback"), row::toString);
            }
        }
    }
}
