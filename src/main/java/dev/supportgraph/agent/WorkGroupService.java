package dev.supportgraph.agent;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.security.Caller;
import dev.supportgraph.ticket.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of agents and work groups: staff only, portal users get nothing (see {@link StaffOnly}). */
@ApplicationScoped
public class WorkGroupService implements NodeLoader {

    /** Read-only, see {@link dev.supportgraph.graph.ScopedReads}. */
    @Inject
    StatelessSession session;

    @Inject
    Caller caller;

    public List<WorkGroupType> workGroups() {
        return StaffOnly.read(caller, List::of, () -> session.createQuery("select g from WorkGroup g order by g.name", WorkGroup.class)
                .getResultList().stream().map(WorkGroupType::of).toList());
    }

    public List<AgentType> agents() {
        return StaffOnly.read(caller, List::of, () -> session.createQuery("select a from Agent a order by a.name, a.id", Agent.class)
                .getResultList().stream().map(AgentType::of).toList());
    }

    public Map<Long, AgentType> agentsByIds(Collection<Long> ids) {
        return StaffOnly.batch(caller, ids, () -> byIds(Agent.class, ids).stream().map(AgentType::of)
                .collect(Collectors.toMap(AgentType::key, Function.identity())));
    }

    public Map<Long, WorkGroupType> workGroupsByIds(Collection<Long> ids) {
        return StaffOnly.batch(caller, ids, () -> byIds(WorkGroup.class, ids).stream().map(WorkGroupType::of)
                .collect(Collectors.toMap(WorkGroupType::key, Function.identity())));
    }

    /** The members of each group, by name. */
    public Map<Long, List<AgentType>> membersOf(Collection<Long> groupIds) {
        return StaffOnly.batch(caller, groupIds, () -> members("m.workGroupId", groupIds, "a.name, a.id").stream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(r -> AgentType.of((Agent) r[1]), Collectors.toList()))));
    }

    /** The groups of each agent, by name. */
    public Map<Long, List<WorkGroupType>> groupsOf(Collection<Long> agentIds) {
        return StaffOnly.batch(caller, agentIds, () -> members("m.agentId", agentIds, "g.name").stream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(r -> WorkGroupType.of((WorkGroup) r[2]), Collectors.toList()))));
    }

    /** {@code [key, Agent, WorkGroup]} rows of the memberships whose {@code keyPath} is among {@code keys}. */
    private List<Object[]> members(String keyPath, Collection<Long> keys, String order) {
        return session.createQuery("select " + keyPath + ", a, g from WorkGroupMember m join Agent a on a.id = m.agentId"
                        + " join WorkGroup g on g.id = m.workGroupId where " + KeyList.condition(keyPath, "keys")
                        + " order by " + order, Object[].class)
                .setParameter("keys", KeyList.of(keys)).getResultList();
    }

    private <E> List<E> byIds(Class<E> entity, Collection<Long> ids) {
        return session.createQuery("select e from " + entity.getSimpleName() + " e where " + KeyList.condition("e.id", "ids"), entity)
                .setParameter("ids", KeyList.of(ids)).getResultList();
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(AgentType.TYPE, WorkGroupType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return List.copyOf((AgentType.TYPE.equals(type) ? agentsByIds(ids) : workGroupsByIds(ids)).values());
    }
}
