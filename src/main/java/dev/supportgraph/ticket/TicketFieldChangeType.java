package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketFieldChange")
@Description("A recorded change of one ticket field: old and new value (as shown: names, enum names), why, by whom and when.")
public record TicketFieldChangeType(
        @Ignore TicketRef ticket,
        @NonNull @Description("The field that changed.") TicketField field,
        @NonNull @Description("What changed it.") TicketChangeAction action,
        @Description("The value before; null when it was empty.") String oldValue,
        @Description("The value after; null when it is now empty.") String newValue,
        @Description("Why, when given (required for escalations).") String reason,
        @NonNull @Description("Who made the change.") String actor,
        @NonNull @Description("When.") OffsetDateTime changedAt) {

    static TicketFieldChangeType of(TicketFieldChange c) {
        return new TicketFieldChangeType(c.ticket(), c.field, c.action, c.oldValue, c.newValue, c.reason, c.actor, c.changedAt);
    }
}
