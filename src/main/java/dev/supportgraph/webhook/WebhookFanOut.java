package dev.supportgraph.webhook;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxConsumer;
import dev.supportgraph.events.OutboxEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns outbox events into deliveries, through the {@link OutboxConsumer} {@value #CONSUMER}: one
 * row per (event, listener, TMF event), written with the consumer's cursor, so each event fans out
 * exactly once across replicas (and the unique key would refuse a second copy anyway). Paused
 * listeners get their rows too; they are sent after resume.
 */
@ApplicationScoped
public class WebhookFanOut {

    static final String CONSUMER = "webhooks";

    /** Inserts the deliveries given as a JSON array named like the columns, in array order (so delivery ids follow event ids). */
    private static final String INSERT = """
            insert into webhook_delivery (listener_id, event_id, event_type, resource_key, body, event_created_at)
            select d.listener_id, d.event_id, d.event_type, d.resource_key, d.body, d.event_created_at
            from jsonb_populate_recordset(null::webhook_delivery, cast(?1 as jsonb)) with ordinality d
            order by d.ordinality
            on conflict do nothing""";

    private record Target(long id, Set<String> types, Long customerId) {
    }

    @Inject
    OutboxConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    /** Fans out everything new; returns how many outbox events were passed. */
    public int run() {
        return consumer.drain(CONSUMER, config.fanOutBatch(), Pass::new);
    }

    /** Fans out at most {@code fan-out-batch} new events (one transaction); returns whether there may be more. */
    boolean pass() {
        return consumer.pass(CONSUMER, config.fanOutBatch(), Pass::new) == config.fanOutBatch();
    }

    /** One pass: the listeners are read once, in the pass's transaction. */
    private final class Pass implements OutboxConsumer.Feature<JsonObject> {

        private final List<Target> targets = em.createQuery("select l.id, l.eventTypes, l.customerId from EventListener l order by l.id",
                        Object[].class)
                .getResultStream().map(r -> new Target((Long) r[0], Set.of((String[]) r[1]), (Long) r[2])).toList();

        @Override
        public List<JsonObject> rows(OutboxEvent event) {
            List<JsonObject> rows = new ArrayList<>();
            if (targets.isEmpty()) {
                return rows;
            }
            List<TmfEvents.TmfEvent> tmf = TmfEvents.of(event);
            for (int i = 0; i < tmf.size(); i++) {
                TmfEvents.TmfEvent t = tmf.get(i);
                // Unique per delivered TMF event: one outbox event may become several (state change and resolved).
                String eventId = EventId.encode(event.id()) + "-" + (i + 1);
                String body = new JsonObject().put("eventId", eventId).put("eventTime", event.createdAt().toString())
                        .put("eventType", t.type().tmfName).put("event", t.event()).encode();
                for (Target target : targets) {
                    if (target.types().contains(t.type().tmfName)
                            && (target.customerId() == null || target.customerId().equals(event.customerId()))) {
                        rows.add(new JsonObject().put("listener_id", target.id()).put("event_id", event.id())
                                .put("event_type", t.type().tmfName).put("resource_key", t.resourceKey()).put("body", body)
                                .put("event_created_at", event.createdAt().toString()));
                    }
                }
            }
            return rows;
        }

        @Override
        public void write(List<JsonObject> rows) {
            em.createNativeQuery(INSERT).setParameter(1, new JsonArray(rows).encode()).executeUpdate();
        }
    }
}
