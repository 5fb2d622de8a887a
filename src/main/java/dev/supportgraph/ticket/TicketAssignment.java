package dev.supportgraph.ticket;

import dev.supportgraph.agent.Agent;
import dev.supportgraph.agent.AgentDirectory;
import dev.supportgraph.agent.AgentType;
import dev.supportgraph.agent.WorkGroup;
import dev.supportgraph.agent.WorkGroupType;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assignment, unassignment and escalation of any ticket kind by its global id: one mechanism for
 * the three tables (they share {@link TicketEntity}'s columns). Staff only; each change moves the
 * ticket's version, is recorded field by field in its history and announced by one
 * TICKET_ASSIGNMENT_CHANGED event whose payload is
 * {@code {"number", "action" (ASSIGN | UNASSIGN | ESCALATE), "fromWorkGroupId", "workGroupId",
 * "fromAssigneeId", "assigneeId" (global ids or null), "workGroup", "assignee" (names or null),
 * "reason", "actor", "at", "queueBefore", "queue"}} (see TicketQueueState).
 */
@ApplicationScoped
@Transactional
public class TicketAssignment {

    /** Finished tickets are not routed anywhere any more. */
    private static final Set<TicketStatus> FINISHED = Set.of(TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.CANCELLED);
    private static final int REASON_LENGTH = 2000;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AgentDirectory directory;

    @Inject
    TicketHistory history;

    @Inject
    Outbox outbox;

    /** A loaded ticket with its kind. */
    private record Loaded(TicketKind kind, TicketEntity ticket) {
    }

    public GlobalId assign(TicketInputs.Assign input) {
        Loaded t = load(input.id(), input.expectedVersion());
        if (input.workGroupId() == null && input.assigneeId() == null) {
            throw ApiException.badInput("Name a work group, an assignee or both", "input", "workGroupId");
        }
        Long group = input.workGroupId() == null ? t.ticket().workGroupId : group(input.workGroupId());
        if (group == null) {
            throw ApiException.badInput("The ticket is in no work group: name the group of the assignee", "input", "workGroupId");
        }
        Long assignee = input.assigneeId() != null ? member(group, input.assigneeId())
                // Another group's queue starts unassigned, as in ServiceNow's assignment group change.
                : group.equals(t.ticket().workGroupId) ? t.ticket().assigneeId : null;
        return apply(t, TicketChangeAction.ASSIGN, group, assignee, reason(input.reason()));
    }

    public GlobalId unassign(TicketInputs.Unassign input) {
        Loaded t = load(input.id(), input.expectedVersion());
        Long group = Boolean.TRUE.equals(input.clearWorkGroup()) ? null : t.ticket().workGroupId;
        if (t.ticket().assigneeId == null && Objects.equals(group, t.ticket().workGroupId)) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "The ticket is not assigned");
        }
        return apply(t, TicketChangeAction.UNASSIGN, group, null, reason(input.reason()));
    }

    public GlobalId escalate(TicketInputs.Escalate input) {
        Loaded t = load(input.id(), input.expectedVersion());
        String reason = Inputs.text(input.reason(), REASON_LENGTH, "input", "reason");
        Long group = group(input.workGroupId());
        if (Objects.equals(group, t.ticket().workGroupId)) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "workGroupId"), "The ticket is already in this work group");
        }
        Long assignee = input.assigneeId() == null ? null : member(group, input.assigneeId());
        return apply(t, TicketChangeAction.ESCALATE, group, assignee, reason);
    }

    private GlobalId apply(Loaded t, TicketChangeAction action, Long group, Long assignee, String reason) {
        TicketEntity ticket = t.ticket();
        TicketRef ref = new TicketRef(t.kind(), ticket.id);
        Long customer = ticket.customerKey();
        String fromGroupName = groupName(ticket.workGroupId);
        String groupName = groupName(group);
        String fromAssigneeName = agentName(ticket.assigneeId);
        String assigneeName = agentName(assignee);
        if (!Objects.equals(group, ticket.workGroupId)) {
            history.changed(ref, customer, TicketField.WORK_GROUP, action, fromGroupName, groupName, reason);
        }
        if (!Objects.equals(assignee, ticket.assigneeId)) {
            history.changed(ref, customer, TicketField.ASSIGNEE, action, fromAssigneeName, assigneeName, reason);
        }
        TicketQueueState before = TicketQueueState.of(ticket);
        Map<String, Object> payload = TicketQueueState.payload(before, before.withRouting(group, assignee));
        payload.put("number", ticket.number);
        payload.put("action", action.name());
        payload.put("fromWorkGroupId", id(WorkGroupType.TYPE, ticket.workGroupId));
        payload.put("workGroupId", id(WorkGroupType.TYPE, group));
        payload.put("fromAssigneeId", id(AgentType.TYPE, ticket.assigneeId));
        payload.put("assigneeId", id(AgentType.TYPE, assignee));
        payload.put("workGroup", groupName);
        payload.put("assignee", assigneeName);
        payload.put("reason", reason);
        payload.put("actor", caller.name());
        payload.put("at", OffsetDateTime.now().toString());
        ticket.workGroupId = group;
        ticket.assigneeId = assignee;
        em.flush();
        outbox.publish(EventType.TICKET_ASSIGNMENT_CHANGED, t.kind().name(), ticket.id, customer, payload);
        return new GlobalId(t.kind().nodeType, ticket.id);
    }

    /** The ticket named by a global id of any ticket kind, staff only, at the expected version and not finished. */
    private Loaded load(String id, int expectedVersion) {
        caller.require(Role.AGENT, Role.SRE, Role.ADMIN);
        directory.current();
        GlobalId global = GlobalId.decode(id);
        TicketKind kind = TicketKind.ofNodeType(global.type());
        if (kind == null) {
            throw ApiException.of(ErrorCode.INVALID_ID, List.of("input", "id"), "Expected the id of a ticket: " + id);
        }
        List<TicketEntity> found = em.createQuery("select e from " + kind.nodeType + " e where e.id = :id", TicketEntity.class)
                .setParameter("id", global.id()).getResultList();
        if (found.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Ticket not found: " + id);
        }
        TicketEntity ticket = found.getFirst();
        Mutations.checkVersion(ticket.version, expectedVersion);
        if (FINISHED.contains(ticket.status)) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "The ticket is " + ticket.status + "; it cannot be routed");
        }
        return new Loaded(kind, ticket);
    }

    private Long group(String id) {
        long group = Inputs.id(WorkGroupType.TYPE, id, "input", "workGroupId");
        if (em.find(WorkGroup.class, group) == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "workGroupId"), "Work group not found: " + id);
        }
        return group;
    }

    /** The agent's id, who must be a member of the group. */
    private Long member(long group, String id) {
        long agent = Inputs.id(AgentType.TYPE, id, "input", "assigneeId");
        boolean member = !em.createNativeQuery("select 1 from work_group_member where work_group_id = ?1 and agent_id = ?2")
                .setParameter(1, group).setParameter(2, agent).getResultList().isEmpty();
        if (!member) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "assigneeId"), "The assignee is not a member of the work group");
        }
        return agent;
    }

    private static String reason(String reason) {
        return reason == null ? null : Inputs.text(reason, REASON_LENGTH, "input", "reason");
    }

    private String groupName(Long group) {
        return group == null ? null : em.find(WorkGroup.class, group).name;
    }

    private String agentName(Long agent) {
        return agent == null ? null : em.find(Agent.class, agent).name;
    }

    private static String id(String type, Long key) {
        return key == null ? null : GlobalId.encode(type, key);
    }
}
