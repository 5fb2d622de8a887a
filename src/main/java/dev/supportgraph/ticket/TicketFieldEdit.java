package dev.supportgraph.ticket;

import java.util.HashMap;
import java.util.Map;

/** One edited field of a ticket with its values as the history shows them (null values stay null). */
public record TicketFieldEdit(TicketField field, String from, String to) {

    public TicketFieldEdit(TicketField field, Object from, Object to) {
        this(field, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    /** As TICKET_FIELDS_CHANGED carries it in {@code changes}. */
    Map<String, Object> json() {
        Map<String, Object> json = new HashMap<>();
        json.put("field", field.name());
        json.put("from", from);
        json.put("to", to);
        return json;
    }
}
