package dev.supportgraph.agent;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Agent")
@Description("A staff person (agent, SRE or admin), known from their token since their first request that needed them.")
public record AgentType(
        @Ignore long key,
        @NonNull @Description("The token's principal name; also the actor recorded in histories.") String subject,
        @NonNull @Description("Display name (the token's name claim, else the subject).") String name,
        @Description("E-mail address from the token, if it carries one.") String email,
        @NonNull @Description("First seen.") OffsetDateTime createdAt,
        @NonNull @Description("Last time the token's name or e-mail changed (or first seen).") OffsetDateTime updatedAt)
        implements Node {

    public static final String TYPE = "Agent";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static AgentType of(Agent a) {
        return new AgentType(a.id, a.subject, a.name, a.email, a.createdAt, a.updatedAt);
    }
}
