package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.Nodes;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.function.Supplier;

/** Routing of any ticket kind (staff only); TicketAssignment does the work, the ticket is read back after commit. */
@GraphQLApi
@Authenticated
public class TicketAssignmentMutations {

    @Inject
    TicketAssignment assignment;

    @Inject
    Nodes nodes;

    @Mutation
    @Description("Assigns or reassigns any ticket to a work group and/or an agent who is a member of it (staff only).")
    public @NonNull TicketPayload ticketAssign(@NonNull TicketInputs.Assign input) {
        return run(() -> assignment.assign(input));
    }

    @Mutation
    @Description("Removes a ticket's assignee (and with clearWorkGroup its work group) (staff only).")
    public @NonNull TicketPayload ticketUnassign(@NonNull TicketInputs.Unassign input) {
        return run(() -> assignment.unassign(input));
    }

    @Mutation
    @Description("Escalates a ticket to another work group with a reason (staff only).")
    public @NonNull TicketPayload ticketEscalate(@NonNull TicketInputs.Escalate input) {
        return run(() -> assignment.escalate(input));
    }

    private TicketPayload run(Supplier<GlobalId> change) {
        return Mutations.run(() -> TicketPayload.ok((Ticket) nodes.load(List.of(change.get())).getFirst()), TicketPayload::failed);
    }
}
