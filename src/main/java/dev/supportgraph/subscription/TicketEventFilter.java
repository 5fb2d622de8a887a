package dev.supportgraph.subscription;

import dev.supportgraph.ticket.TicketKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("TicketEventFilter")
@Description("Which ticket events to receive; all given conditions must hold.")
public record TicketEventFilter(
        @Description("Only tickets of these kinds.") List<TicketKind> kinds,
        @Description("Only these tickets (ids of problem reports, service or resource troubles).") @Id List<String> ticketIds,
        @Description("Only problem reports of this customer.") @Id String customerId) {
}
