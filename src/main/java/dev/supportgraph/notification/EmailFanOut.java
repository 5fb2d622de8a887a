package dev.supportgraph.notification;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxConsumer;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.impact.NoticeTemplates;
import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns outbox events into e-mails, through the {@link OutboxConsumer} {@value #CONSUMER} (each
 * event once, whatever the number of replicas): a proactive outage or restoration notice goes to
 * the customer's active contacts who prefer e-mail, a problem report entering RESOLVED (asking for
 * a rating) or PENDING (information required) to its reporter. Each message is rendered in the
 * contact's language (English when there is no template in it) and stored as an
 * {@code email_notification} row, unique per (event, contact).
 */
@ApplicationScoped
public class EmailFanOut {

    static final String CONSUMER = "email";

    private static final String INSERT = """
            insert into email_notification (event_id, contact_id, kind, language, recipient, subject, body)
            select n.event_id, n.contact_id, n.kind, n.language, n.recipient, n.subject, n.body
            from jsonb_populate_recordset(null::email_notification, cast(?1 as jsonb)) n
            on conflict (event_id, contact_id) do nothing""";

    private static final String CUSTOMER_CONTACTS = """
            select id, name, email, language from contact
            where customer_id = ?1 and status = 'ACTIVE' and email is not null and preferred_channel = 'EMAIL' order by id""";

    private static final String REPORTER = """
            select c.id, c.name, c.email, c.language from problem_report p join contact c on c.id = p.reported_by_id
            where p.id = ?1 and c.status = 'ACTIVE' and c.email is not null""";

    @Inject
    OutboxConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    NoticeTemplates templates;

    @Inject
    NotificationConfig config;

    /** Turns everything new into e-mails; returns how many outbox events were passed. */
    public int run() {
        return consumer.drain(CONSUMER, config.fanOutBatch(), () -> new OutboxConsumer.Feature<JsonObject>() {
            @Override
            public List<JsonObject> rows(OutboxEvent event) {
                return mails(event);
            }

            @Override
            public void write(List<JsonObject> rows) {
                em.createNativeQuery(INSERT).setParameter(1, new JsonArray(rows).encode()).executeUpdate();
            }
        });
    }

    /** The e-mails one event becomes, as rows named like INSERT's columns. */
    private List<JsonObject> mails(OutboxEvent event) {
        List<JsonObject> rows = new ArrayList<>();
        String kind = kind(event);
        if (kind == null) {
            return rows;
        }
        boolean notice = EventType.PROACTIVE_NOTICE.name().equals(event.type());
        List<Object[]> contacts = em.createNativeQuery(notice ? CUSTOMER_CONTACTS : REPORTER, Object[].class)
                .setParameter(1, notice ? event.customerId() : event.aggregateId()).getResultList();
        for (Object[] contact : contacts) {
            String reason = event.payload().getString("reason");
            NoticeTemplates.Notice mail = templates.render(kind, (String) contact[3], Map.of(
                    "name", (String) contact[1], "number", String.valueOf(event.payload().getString("number")),
                    "reason", reason == null ? "" : reason));
            rows.add(new JsonObject().put("event_id", event.id()).put("contact_id", contact[0]).put("kind", kind)
                    .put("language", mail.language()).put("recipient", contact[2]).put("subject", mail.title())
                    .put("body", mail.body()));
        }
        return rows;
    }

    /** The template kind an event is mailed with, or null when it is not mailed. */
    private static String kind(OutboxEvent event) {
        if (EventType.PROACTIVE_NOTICE.name().equals(event.type()) && event.customerId() != null) {
            return "RESOLVED".equals(event.payload().getString("phase")) ? "EMAIL_RESTORED" : "EMAIL_OUTAGE";
        }
        if (EventType.TICKET_STATUS_CHANGED.name().equals(event.type()) && TicketKind.PROBLEM_REPORT.name().equals(event.aggregate())) {
            return switch (String.valueOf(event.payload().getString("to"))) {
                case "RESOLVED" -> "EMAIL_TICKET_RESOLVED";
                case "PENDING" -> "EMAIL_INFORMATION_REQUIRED";
                default -> null;
            };
        }
        return null;
    }
}
