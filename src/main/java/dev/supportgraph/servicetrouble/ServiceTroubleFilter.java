package dev.supportgraph.servicetrouble;

import dev.supportgraph.ticket.TicketCriteria;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketQueueFilter;
import dev.supportgraph.ticket.TicketSeverity;
import dev.supportgraph.ticket.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.OffsetDateTime;
import java.util.List;

@Input("ServiceTroubleFilter")
@Description("Narrows the service troubles list; all given conditions must hold.")
public record ServiceTroubleFilter(
        List<TicketStatus> status,
        List<TicketPriority> priority,
        List<TicketSeverity> severity,
        List<ServiceTroubleImpact> impact,
        @Description("Created at or after this time.") OffsetDateTime createdFrom,
        @Description("Created before this time.") OffsetDateTime createdTo,
        @Description("Updated at or after this time.") OffsetDateTime updatedFrom,
        @Description("Updated before this time.") OffsetDateTime updatedTo,
        @Description("Case-insensitive substring of the title or number.") String search,
        @Description("Work queue conditions: assignee, mine, unassigned, work group (staff only).") TicketQueueFilter queue) implements TicketCriteria {
}
