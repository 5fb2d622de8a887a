package dev.supportgraph.ticket;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("TicketPayload")
@Description("The result of a mutation that works on any kind of ticket.")
public record TicketPayload(
        @Description("The ticket as changed; null when userErrors is not empty.") Ticket ticket,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    public static TicketPayload ok(Ticket ticket) {
        return new TicketPayload(ticket, List.of());
    }

    public static TicketPayload failed(List<UserError> errors) {
        return new TicketPayload(null, errors);
    }
}
