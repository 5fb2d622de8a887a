package dev.supportgraph.ticket;

import dev.supportgraph.graph.ComputedAs;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("StatusChange")
@Description("A recorded status transition: from which status to which, why, by whom and when.")
public record StatusChangeType(
        @Ignore TicketRef ticket,
        @Description("Null for the creation of the ticket.") @ComputedAs("e.fromStatus") TicketStatus from,
        @NonNull @ComputedAs("e.toStatus") TicketStatus to,
        String reason,
        @Description("Who made the change (user id, or \"system\").") @NonNull String actor,
        @NonNull OffsetDateTime changedAt) {

    static StatusChangeType of(StatusChange c) {
        return new StatusChangeType(c.ticket(), c.fromStatus, c.toStatus, c.reason, c.actor, c.changedAt);
    }
}
