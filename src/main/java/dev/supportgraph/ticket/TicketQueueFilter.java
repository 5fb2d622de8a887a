package dev.supportgraph.ticket;

import dev.supportgraph.agent.AgentType;
import dev.supportgraph.agent.WorkGroupType;
import dev.supportgraph.category.TicketCategoryType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("TicketQueueFilter")
@Description("An agent's work queue: all given conditions must hold. Routing is internal: for portal users a queue filter matches nothing.")
public record TicketQueueFilter(
        @Id @Description("Only tickets assigned to this agent.") String assigneeId,
        @Description("true: only tickets assigned to the caller (the agent of the caller's token).") Boolean mine,
        @Description("true: only tickets without an assignee; false: only assigned ones.") Boolean unassigned,
        @Id @Description("Only tickets routed to this work group.") String workGroupId,
        @Id @Description("Only tickets in any of these categories.") List<String> categoryId,
        @Description("Only tickets whose resolution clock is in any of these states (as the SLA job last wrote it, at most one evaluation interval old).") List<TicketSlaState> slaState) {

    /** Adds the queue's conditions on a ticket entity aliased {@code e}. */
    static void where(TicketQueueFilter queue, Caller caller, SlaWindow sla, Where where) {
        if (queue == null) {
            return;
        }
        if (!caller.isStaff()) {
            where.keyIn("e.id", List.of());
            return;
        }
        if (queue.assigneeId() != null) {
            where.eq("e.assigneeId", GlobalId.decode(AgentType.TYPE, queue.assigneeId()));
        }
        if (Boolean.TRUE.equals(queue.mine())) {
            where.add("e.assigneeId in (select a.id from Agent a where a.subject = :%s)", caller.name());
        }
        where.isNull("e.assigneeId", queue.unassigned());
        if (queue.workGroupId() != null) {
            where.eq("e.workGroupId", GlobalId.decode(WorkGroupType.TYPE, queue.workGroupId()));
        }
        if (queue.categoryId() != null && !queue.categoryId().isEmpty()) {
            where.keyIn("e.categoryId", queue.categoryId().stream().map(id -> GlobalId.decode(TicketCategoryType.TYPE, id)).toList());
        }
        TicketSlaState.where(queue.slaState(), sla, where);
    }
}
