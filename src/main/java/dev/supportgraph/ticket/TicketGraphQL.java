package dev.supportgraph.ticket;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * The fields every ticket has. Declared once on the interface: SmallRye adds {@code @Source}
 * fields of an interface to each implementing type, with one batch per concrete type.
 */
@GraphQLApi
@Authenticated
public class TicketGraphQL {

    @Inject
    TicketService service;

    @Description("Notes, oldest first. Portal customers see only PUBLIC notes.")
    public List<@NonNull List<@NonNull NoteType>> notes(@Source List<Ticket> tickets) {
        return service.notes(tickets);
    }

    @Description("Every status change, oldest first.")
    public List<@NonNull List<@NonNull StatusChangeType>> statusHistory(@Source List<Ticket> tickets) {
        return service.statusHistory(tickets);
    }
}
