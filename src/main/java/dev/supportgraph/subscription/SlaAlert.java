package dev.supportgraph.subscription;

import dev.supportgraph.events.EventId;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.sla.SlaEventKind;
import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("SlaAlert")
@Description("A problem report's SLA target is about to be missed (at risk) or was missed (breached).")
public record SlaAlert(
        @Ignore long ticketKey,
        @NonNull @Id @Description("Increases with every event; pass it as after: to resume behind this alert.") String eventId,
        @Description("Which target is at risk or breached.") @NonNull SlaEventKind kind,
        @NonNull @Id @Description("The problem report's global id.") String ticketId,
        @NonNull String number,
        @NonNull @Description("When the target is (or was) due, pauses taken into account.") OffsetDateTime dueAt,
        @NonNull OffsetDateTime occurredAt) {

    static SlaAlert of(OutboxEvent event) {
        JsonObject p = event.payload();
        boolean breached = event.type().equals(EventType.SLA_BREACHED.name());
        SlaEventKind kind = SlaEventKind.valueOf(p.getString("target") + (breached ? "_BREACHED" : "_AT_RISK"));
        return new SlaAlert(event.aggregateId(), EventId.encode(event.id()), kind,
                GlobalId.encode(TicketKind.PROBLEM_REPORT.nodeType, event.aggregateId()), p.getString("number"),
                OffsetDateTime.parse(p.getString("dueAt")), event.createdAt());
    }
}
