package dev.supportgraph.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail notifications through a real SMTP server (GreenMail, started here): who gets what, in
 * which language, never twice for one event, and retried when the server refuses connections.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpPort.class, restrictToAnnotatedClass = true)
class EmailNotificationTest {

    private static ServerSetup smtp;
    private static GreenMail greenMail;

    @Inject
    DataSource ds;

    @Inject
    EmailFanOut fanOut;

    @Inject
    EmailSender sender;

    @Inject
    NotificationConfig config;

    @BeforeAll
    static void startSmtp() {
        smtp = new ServerSetup(Integer.parseInt(System.getProperty(SmtpPort.PROPERTY)), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    @AfterAll
    static void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void contactsAreMailedInTheirLanguageOnceAndRetriedWhenSmtpIsDown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Mail Ltd', 'ENTERPRISE', 700) returning id",
                "mail-" + tag);
        String anna = contact(customer, "Anna", "anna-" + tag + "@example.com", "de-CH", "EMAIL", "ACTIVE");
        String bob = contact(customer, "Bob", "bob-" + tag + "@example.com", "fr", "EMAIL", "ACTIVE");
        contact(customer, "Carl", "carl-" + tag + "@example.com", "en", "PHONE", "ACTIVE");
        contact(customer, "Dora", "dora-" + tag + "@example.com", "en", "EMAIL", "INACTIVE");
        long annaId = Sql.count(ds, "select id from contact where email = ?", anna);
        long report = Sql.exec(ds, "insert into problem_report (customer_id, reported_by_id, title, severity, priority, channel, status) "
                + "values (?, ?, 'Slow', 'MINOR', 'LOW', 'PORTAL', 'IN_PROGRESS') returning id", customer, annaId);
        fanOut.run();

        // An outage notice: every active contact who prefers e-mail, each in their language (fr: English fallback).
        Sql.exec(ds, """
                insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                values ('PROACTIVE_NOTICE', 'PROBLEM_REPORT', ?, ?, jsonb_build_object('number', 'PR-' || ?::text, 'phase', 'OPENED')) returning id""",
                report, customer, report);
        // Information required: the reporter, through a real transition.
        JsonPath pending = GraphQLClient.mutate(Tokens.agent(), "problemReportTransition", "{id: \"" + GlobalId.encode("ProblemReport", report)
                + "\", expectedVersion: 0, to: PENDING, reason: \"Which router model do you have?\"}", "problemReport { status number }");
        assertEquals(List.of(), pending.getList("userErrors"), pending::prettify);
        String number = pending.getString("problemReport.number");

        pumpUntil(() -> greenMail.getReceivedMessages().length >= 3);
        assertEquals(List.of("Störung Ihrer Dienste (PR-" + report + ")", "Wir benötigen Angaben zu " + number), subjects(anna));
        assertEquals(List.of("Service disruption (PR-" + report + ")"), subjects(bob));
        assertTrue(body(anna, 1).contains("Which router model do you have?"), () -> body(anna, 1));
        assertTrue(body(anna, 0).startsWith("Guten Tag Anna"), () -> body(anna, 0));
        assertEquals(3, greenMail.getReceivedMessages().length, "nobody else: not Carl (phone), not Dora (inactive)");

        // Passes again, even with the consumer's cursor moved back: the (event, contact) key sends nothing twice.
        Sql.exec(ds, "update outbox_consumer set last_event_id = last_event_id - 5 where name = 'email' returning 1");
        pump();
        pump();
        assertEquals(3, greenMail.getReceivedMessages().length);
        assertEquals(3, Sql.count(ds, "select count(*) from email_notification n join contact c on c.id = n.contact_id where c.customer_id = ?", customer));

        // SMTP refuses connections: the e-mail waits, failed once, and goes out when the server is back.
        greenMail.stop();
        Sql.exec(ds, """
                insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                values ('TICKET_STATUS_CHANGED', 'PROBLEM_REPORT', ?, ?, jsonb_build_object('number', ?::text, 'from', 'IN_PROGRESS',
                        'to', 'RESOLVED', 'action', 'resolve', 'reason', 'Replaced the router', 'actor', 'test', 'at', now()::text)) returning id""",
                report, customer, number);
        pump();
        assertEquals("PENDING", Sql.row(ds, "select status from email_notification where contact_id = ? and kind = 'EMAIL_TICKET_RESOLVED'", annaId)
                .get("status"));
        assertTrue(Sql.count(ds, "select count(*) from email_notification where contact_id = ? and kind = 'EMAIL_TICKET_RESOLVED' "
                + "and attempts = 1 and last_error is not null", annaId) == 1, "the refused attempt is recorded");
        greenMail = new GreenMail(smtp);
        greenMail.start();
        pumpUntil(() -> greenMail.getReceivedMessages().length >= 1);
        pump();
        assertEquals(List.of("Ihre Störungsmeldung " + number + " ist gelöst"), subjects(anna));
        assertTrue(body(anna, 0).contains("Replaced the router") && body(anna, 0).contains("bewerten"), () -> body(anna, 0));
        assertEquals("SENT", Sql.row(ds, "select status from email_notification where contact_id = ? and kind = 'EMAIL_TICKET_RESOLVED'", annaId)
                .get("status"));
    }

    /** Each test counts only its own messages. */
    @AfterEach
    void purgeMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aFailedEmailIsReplayedByAnAdminAndDeliveredOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Replay Ltd', 'ENTERPRISE', 700) returning id",
                "replay-" + tag);
        String eve = contact(customer, "Eve", "eve-" + tag + "@example.com", "en", "EMAIL", "ACTIVE");
        long eveId = Sql.count(ds, "select id from contact where email = ?", eve);
        long report = Sql.exec(ds, "insert into problem_report (customer_id, reported_by_id, title, severity, priority, channel, status) "
                + "values (?, ?, 'Down', 'MINOR', 'LOW', 'PORTAL', 'IN_PROGRESS') returning id", customer, eveId);
        fanOut.run();

        // SMTP refuses connections on the last allowed attempt: the e-mail is given up.
        greenMail.stop();
        Sql.exec(ds, """
                insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                values ('TICKET_STATUS_CHANGED', 'PROBLEM_REPORT', ?, ?, jsonb_build_object('number', 'PR-' || ?::text, 'from', 'IN_PROGRESS',
                        'to', 'RESOLVED', 'action', 'resolve', 'reason', 'Rebooted', 'actor', 'test', 'at', now()::text)) returning id""",
                report, customer, report);
        fanOut.run();
        long mail = Sql.count(ds, "select id from email_notification where contact_id = ?", eveId);
        Sql.exec(ds, "update email_notification set attempts = ? where id = ? returning id", config.maxAttempts() - 1, mail);
        pumpUntil(() -> "FAILED".equals(Sql.row(ds, "select status from email_notification where id = ?", mail).get("status")));
        String id = GlobalId.encode("EmailNotification", mail);

        JsonPath failed = GraphQLClient.post(Tokens.admin(), "{ emailNotifications(last: 100, filter: {status: [FAILED]}) "
                + "{ edges { node { id status attempts failedAt lastError } } } }").statusCode(200).extract().jsonPath();
        assertEquals(List.of("FAILED"), failed.getList("data.emailNotifications.edges.node.findAll { it.id == '" + id + "' }.status"), failed::prettify);
        assertEquals(List.of("FORBIDDEN"), GraphQLClient.post(Tokens.agent(), "{ emailNotifications { totalCount } }").statusCode(200)
                .extract().jsonPath().getList("errors.extensions.code"));
        assertEquals(List.of("BAD_USER_INPUT"), GraphQLClient.mutate(Tokens.admin(), "emailNotificationReplay", "{}", "replayed { id }")
                .getList("userErrors.code"));

        greenMail = new GreenMail(smtp);
        greenMail.start();
        JsonPath replayed = GraphQLClient.mutate(Tokens.admin(), "emailNotificationReplay", "{ids: [\"" + id + "\"]}", "replayed { id status attempts failedAt }");
        assertEquals(List.of(), replayed.getList("userErrors"), replayed::prettify);
        assertEquals(List.of(id), replayed.getList("replayed.id"));
        assertEquals(List.of("PENDING"), replayed.getList("replayed.status"));
        assertEquals(List.of(0), replayed.getList("replayed.attempts"));
        assertNull(replayed.getString("replayed[0].failedAt"));
        // Once: the row is no longer FAILED, so a second replay (by id or by time) takes nothing.
        assertEquals(List.of(), GraphQLClient.mutate(Tokens.admin(), "emailNotificationReplay", "{ids: [\"" + id + "\"]}", "replayed { id }")
                .getList("replayed"));
        assertEquals(List.of(), GraphQLClient.mutate(Tokens.admin(), "emailNotificationReplay", "{failedSince: \"2000-01-01T00:00:00Z\"}", "replayed { id }")
                .getList("replayed.findAll { it.id == '" + id + "' }"));

        pumpUntil(() -> !to(eve).isEmpty());
        pump();
        pump();
        assertEquals(List.of("Your problem report PR-" + report + " is resolved"), subjects(eve));
        assertEquals("SENT", Sql.row(ds, "select status from email_notification where id = ?", mail).get("status"));
    }

    private String contact(long customer, String name, String email, String language, String channel, String status) {
        Sql.exec(ds, "insert into contact (customer_id, name, role, email, language, preferred_channel, status) values (?, ?, 'IT', ?, ?, ?, ?) returning id",
                customer, name, email, language, channel, status);
        return email;
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> subjects(String address) {
        return to(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String body(String address, int index) {
        return GreenMailUtil.getBody(to(address).get(index)).replace("=\r\n", "");
    }

    private void pump() {
        fanOut.run();
        sender.sendDue();
    }

    private void pumpUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out pumping e-mails");
            pump();
            Thread.sleep(50);
        }
    }
}
