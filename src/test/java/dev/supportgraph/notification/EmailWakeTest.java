package dev.supportgraph.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.supportgraph.events.EventsConfig;
import dev.supportgraph.testing.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mail sender runs by itself and wakes on the outbox NOTIFY (docs/notifications.md): with
 * the tick and the dispatcher's poll an hour apart, an event committed with its NOTIFY is mailed
 * within seconds, without the test driving any pass.
 */
@QuarkusTest
@TestProfile(EmailWakeTest.Profile.class)
@QuarkusTestResource(value = SmtpPort.class, restrictToAnnotatedClass = true)
class EmailWakeTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportgraph.notifications.every", "1h", "supportgraph.events.poll-interval", "PT1H");
        }
    }

    @Inject
    DataSource ds;

    @Inject
    EventsConfig events;

    @Inject
    EmailFanOut fanOut;

    @Test
    void anEventWithItsNotifyIsMailedWithoutATick() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty(SmtpPort.PROPERTY)), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String address = "wake-" + tag + "@example.com";
            long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Wake Mail', 'ENTERPRISE', 700) returning id",
                    "wake-mail-" + tag);
            Sql.exec(ds, "insert into contact (customer_id, name, role, email, language, preferred_channel, status) values (?, 'Walt', 'IT', ?, 'en', 'EMAIL', 'ACTIVE') returning id",
                    customer, address);
            // The consumer exists before the event (a new one starts at the newest event); nothing is mailed by this.
            fanOut.run();
            Sql.exec(ds, """
                    with e as (insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                               values ('PROACTIVE_NOTICE', 'SERVICE_TROUBLE', 948001, ?, jsonb_build_object('number', 'ST-948001', 'phase', 'OPENED')) returning id)
                    select e.id from e, pg_notify(?, e.id::text)""", customer, events.channel());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (to(greenMail, address).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "not mailed without a tick");
                Thread.sleep(50);
            }
            Thread.sleep(500);
            List<MimeMessage> mails = to(greenMail, address);
            assertEquals(1, mails.size());
            assertEquals("Service disruption (ST-948001)", mails.getFirst().getSubject());
        } finally {
            greenMail.stop();
        }
    }

    private static List<MimeMessage> to(GreenMail greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
