package dev.supportgraph.webhook;

import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.ticket.TicketKind;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TM Forum events an outbox event becomes, in the minimal TMF resource shapes: a ticket change
 * is a TroubleTicketStateChangeEvent, plus a Resolved or InformationRequired event when it entered
 * RESOLVED or PENDING; order and invoice changes are ProductOrder and CustomerBill state changes.
 * States are TMF's lowerCamel names of our constants (IN_PROGRESS becomes inProgress).
 */
final class TmfEvents {

    /** One TMF event: its type, the resource it is about (the per-resource order key) and its {@code event} object. */
    record TmfEvent(WebhookEventType type, String resourceKey, JsonObject event) {
    }

    private TmfEvents() {
    }

    /**
     * The TMF events of {@code e}. A state change without its target state is malformed and refused
     * (the outbox consumer skips and counts it; TMF events carry the state).
     */
    static List<TmfEvent> of(OutboxEvent e) {
        String key = e.aggregate() + ":" + e.aggregateId();
        List<TmfEvent> events = new ArrayList<>();
        // An event type this build does not know (written by a newer replica) simply has no TMF event.
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.name().equals(e.type())).findFirst().orElse(null);
        if (type == null) {
            return events;
        }
        switch (type) {
            case TICKET_STATUS_CHANGED -> {
                String to = state(e);
                JsonObject ticket = resource(TicketKind.valueOf(e.aggregate()).nodeType, e)
                        .put("ticketType", TicketKind.valueOf(e.aggregate()).nodeType)
                        .put("status", camel(to))
                        .put("statusChangeReason", e.payload().getString("reason"))
                        .put("statusChangeDate", e.payload().getString("at"));
                JsonObject event = new JsonObject().put("troubleTicket", ticket);
                events.add(new TmfEvent(WebhookEventType.TROUBLE_TICKET_STATE_CHANGE, key, event));
                if ("RESOLVED".equals(to)) {
                    events.add(new TmfEvent(WebhookEventType.TROUBLE_TICKET_RESOLVED, key, event));
                } else if ("PENDING".equals(to)) {
                    events.add(new TmfEvent(WebhookEventType.TROUBLE_TICKET_INFORMATION_REQUIRED, key, event));
                }
            }
            case ORDER_STATE_CHANGED -> events.add(new TmfEvent(WebhookEventType.PRODUCT_ORDER_STATE_CHANGE, key,
                    new JsonObject().put("productOrder", resource("ProductOrder", e).put("state", camel(state(e))))));
            case INVOICE_STATE_CHANGED -> events.add(new TmfEvent(WebhookEventType.CUSTOMER_BILL_STATE_CHANGE, key,
                    new JsonObject().put("customerBill", resource("Invoice", e).put("state", camel(state(e))))));
            default -> {
                // other events have no TMF listener event (yet)
            }
        }
        return events;
    }

    /** The state a change entered: TMF state events carry it, so a change without it is malformed. */
    private static String state(OutboxEvent e) {
        String to = e.payload().getString("to");
        if (to == null) {
            throw new IllegalArgumentException("a state change without its target state");
        }
        return to;
    }

    private static JsonObject resource(String nodeType, OutboxEvent e) {
        JsonObject resource = new JsonObject().put("id", GlobalId.encode(nodeType, e.aggregateId()));
        if (e.payload().getString("number") != null) {
            resource.put("number", e.payload().getString("number"));
        }
        return resource;
    }

    /** IN_PROGRESS to inProgress. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
