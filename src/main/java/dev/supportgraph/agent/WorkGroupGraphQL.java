package dev.supportgraph.agent;

import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Agents and work groups: staff read them, admins manage the groups. */
@GraphQLApi
@Authenticated
public class WorkGroupGraphQL {

    @Inject
    WorkGroupService service;

    @Inject
    WorkGroupLifecycle groups;

    @Inject
    AgentDirectory directory;

    @Query
    @Description("The calling staff person as an agent (created or refreshed from the token on first sight); null for portal users.")
    public AgentType me() {
        return directory.current().stream().mapToObj(id -> service.agentsByIds(List.of(id)).get(id)).findFirst().orElse(null);
    }

    @Query
    @Description("Every agent seen so far, by name; empty for portal users.")
    public @NonNull List<@NonNull AgentType> agents() {
        return service.agents();
    }

    @Query
    @Description("Every work group, by name; empty for portal users.")
    public @NonNull List<@NonNull WorkGroupType> workGroups() {
        return service.workGroups();
    }

    @Description("The group's members, by name.")
    @JoinedBy(through = WorkGroupMember.class, parentKey = "l.workGroupId", childKey = "l.agentId", orderBy = "e.name, e.id")
    public List<@NonNull List<@NonNull AgentType>> members(@Source List<WorkGroupType> workGroups) {
        return Batch.many(workGroups, WorkGroupType::key, service::membersOf);
    }

    @Name("workGroups")
    @Description("The groups the agent is a member of, by name.")
    @JoinedBy(through = WorkGroupMember.class, parentKey = "l.agentId", childKey = "l.workGroupId", orderBy = "e.name")
    public List<@NonNull List<@NonNull WorkGroupType>> agentWorkGroups(@Source List<AgentType> agents) {
        return Batch.many(agents, AgentType::key, service::groupsOf);
    }

    @Mutation
    @Description("Creates a work group (admin).")
    public @NonNull WorkGroupPayload workGroupCreate(@NonNull WorkGroupInputs.Create input) {
        return Mutations.run(() -> WorkGroupPayload.ok(groups.create(input)), WorkGroupPayload::failed);
    }

    @Mutation
    @Description("Adds an agent to a work group (admin); adding a member again changes nothing but the version.")
    public @NonNull WorkGroupPayload workGroupAddMember(@NonNull WorkGroupInputs.Member input) {
        return Mutations.run(() -> WorkGroupPayload.ok(groups.addMember(input)), WorkGroupPayload::failed);
    }

    @Mutation
    @Description("Removes an agent from a work group (admin). Tickets assigned to them stay assigned until reassigned.")
    public @NonNull WorkGroupPayload workGroupRemoveMember(@NonNull WorkGroupInputs.Member input) {
        return Mutations.run(() -> WorkGroupPayload.ok(groups.removeMember(input)), WorkGroupPayload::failed);
    }
}
