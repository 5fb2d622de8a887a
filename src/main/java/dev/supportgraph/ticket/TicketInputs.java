package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs shared by the three ticket types' mutations. */
public final class TicketInputs {

    private TicketInputs() {
    }

    @Input("TicketTransitionInput")
    @Description("A status change: start, reject, requestInformation (PENDING), provideInformation, hold, unhold, resolve, accept/reject the resolution (CLOSED / IN_PROGRESS), cancel, reopen.")
    public record Transition(
            @NonNull @Id String id,
            int expectedVersion,
            @NonNull TicketStatus to,
            String reason,
            @Description("Required when resolving.") String resolution) {
    }

    /** What creating a staff-only ticket takes whatever its kind ({@link StaffTicketLifecycle}). */
    public interface Create {
        String idempotencyKey();

        String externalId();

        String title();

        String description();

        TicketSeverity severity();

        TicketPriority priority();

        String categoryId();
    }

    /** The field edits every ticket kind's update takes (staff's fields are checked by each kind's service). */
    public interface Edit {
        int expectedVersion();

        String title();

        String description();

        TicketPriority priority();

        TicketSeverity severity();

        String categoryId();

        String externalId();

        String reason();
    }

    @Input("TicketUpdateInput")
    @Description("Edits of a service or resource trouble (staff); omitted fields keep their value, every change is recorded in fieldChanges.")
    public record Update(
            @NonNull @Id @Description("The trouble.") String id,
            @Description("The trouble's version as last read.") int expectedVersion,
            @Description("New title.") String title,
            @Description("New description.") String description,
            @Description("New priority.") TicketPriority priority,
            @Description("New severity.") TicketSeverity severity,
            @Id @Description("New category (an active one).") String categoryId,
            @Description("Sets or changes the id of this ticket in another system (staff; unique per kind).") String externalId,
            @Description("Why, for the history.") String reason) implements Edit {
    }

    @Input("TicketAssignInput")
    @Description("Routes any ticket to a work group and/or an agent who is a member of it. Without workGroupId the ticket's current group is kept; a new group without assigneeId leaves the ticket unassigned in it.")
    public record Assign(
            @NonNull @Id @Description("The ticket (problem report, service trouble or resource trouble).") String id,
            @Description("The ticket's version as last read.") int expectedVersion,
            @Id @Description("The work group to route to.") String workGroupId,
            @Id @Description("The agent to assign; must be a member of the (new or current) work group.") String assigneeId,
            @Description("Why, for the history.") String reason) {
    }

    @Input("TicketUnassignInput")
    @Description("Removes the assignee of a ticket, and its work group too when asked.")
    public record Unassign(
            @NonNull @Id @Description("The ticket.") String id,
            @Description("The ticket's version as last read.") int expectedVersion,
            @Description("Also take the ticket out of its work group (default false: it goes back to the group's queue).") Boolean clearWorkGroup,
            @Description("Why, for the history.") String reason) {
    }

    @Input("TicketEscalateInput")
    @Description("Escalates a ticket to another work group (a higher tier or another team), with a reason (TMF656 escalation).")
    public record Escalate(
            @NonNull @Id @Description("The ticket.") String id,
            @Description("The ticket's version as last read.") int expectedVersion,
            @NonNull @Id @Description("The group to escalate to; must differ from the current one.") String workGroupId,
            @Id @Description("An agent of that group to assign at once; otherwise the ticket waits unassigned in its queue.") String assigneeId,
            @NonNull @Description("Why the ticket is escalated.") String reason) {
    }

    @Input("TicketNoteInput")
    public record Note(@NonNull @Id String id, @Description("Who may read the note.") @NonNull NoteVisibility visibility, @Description("The text.") @NonNull String body) {
    }
}
