package dev.supportgraph.events;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/** One committed row of {@code outbox_event}. */
public record OutboxEvent(long id, String type, String aggregate, long aggregateId, Long customerId,
                          JsonObject payload, OffsetDateTime createdAt) {
}
