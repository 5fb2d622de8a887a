package dev.supportgraph.agent;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
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

/** Admin changes of work groups; a membership change moves the group's version. */
@ApplicationScoped
@Transactional
public class WorkGroupLifecycle {

    private static final int NAME_LENGTH = 100;
    private static final int DESCRIPTION_LENGTH = 2000;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    public WorkGroupType create(WorkGroupInputs.Create input) {
        caller.require(Role.ADMIN);
        long id = idempotency.once("workGroupCreate", input.idempotencyKey(), input, () -> {
            String name = Inputs.text(input.name(), NAME_LENGTH, "input", "name");
            if (!em.createNativeQuery("select 1 from work_group where name = ?1").setParameter(1, name).getResultList().isEmpty()) {
                throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "name"), "A work group with this name exists");
            }
            WorkGroup group = new WorkGroup();
            group.name = name;
            group.description = input.description() == null ? "" : Inputs.text(input.description(), DESCRIPTION_LENGTH, "input", "description");
            em.persist(group);
            em.flush();
            return group.id;
        }, Idempotency.STAFF_ONLY);
        return WorkGroupType.of(em.find(WorkGroup.class, id));
    }

    public WorkGroupType addMember(WorkGroupInputs.Member input) {
        WorkGroup group = member(input);
        long agent = agent(input);
        em.createNativeQuery("insert into work_group_member (work_group_id, agent_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, group.id).setParameter(2, agent).executeUpdate();
        return touched(group);
    }

    public WorkGroupType removeMember(WorkGroupInputs.Member input) {
        WorkGroup group = member(input);
        long agent = agent(input);
        int removed = em.createNativeQuery("delete from work_group_member where work_group_id = ?1 and agent_id = ?2")
                .setParameter(1, group.id).setParameter(2, agent).executeUpdate();
        if (removed == 0) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "agentId"), "The agent is not a member of this group");
        }
        return touched(group);
    }

    /** The group of a membership change, admin only, at the expected version. */
    private WorkGroup member(WorkGroupInputs.Member input) {
        caller.require(Role.ADMIN);
        WorkGroup group = em.find(WorkGroup.class, Inputs.id(WorkGroupType.TYPE, input.workGroupId(), "input", "workGroupId"));
        if (group == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "workGroupId"), "Work group not found: " + input.workGroupId());
        }
        Mutations.checkVersion(group.version, input.expectedVersion());
        return group;
    }

    private long agent(WorkGroupInputs.Member input) {
        long agent = Inputs.id(AgentType.TYPE, input.agentId(), "input", "agentId");
        if (em.find(Agent.class, agent) == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "agentId"), "Agent not found: " + input.agentId());
        }
        return agent;
    }

    private WorkGroupType touched(WorkGroup group) {
        // The member list is part of the group: dirtying it moves its version (and updatedAt).
        group.updatedAt = OffsetDateTime.now();
        em.flush();
        return WorkGroupType.of(group);
    }
}
