package dev.supportgraph.agent;

import dev.supportgraph.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agent row of the calling staff person, created or refreshed on first sight. The upsert is
 * one {@code INSERT ... ON CONFLICT (subject) DO UPDATE ... RETURNING id}: concurrent first
 * requests of one person converge on one row. It runs in its own transaction (a failing mutation
 * must not roll back an id this process then remembers) and once per process and claims: the
 * map holds one entry per staff person and name/e-mail they have shown.
 */
@ApplicationScoped
public class AgentDirectory {

    private static final String UPSERT = """
            insert into agent (subject, name, email) values (?1, ?2, ?3)
            on conflict (subject) do update set name = excluded.name, email = excluded.email,
                updated_at = case when (agent.name, agent.email) is distinct from (excluded.name, excluded.email)
                                  then now() else agent.updated_at end
            returning id""";

    /** What a token says about its person. */
    record Seen(String subject, String name, String email) {
    }

    private final Map<Seen, Long> known = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    /** The calling staff person's agent id; empty for portal users and anonymous callers. */
    public OptionalLong current() {
        if (caller.isAnonymous() || !caller.isStaff()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(idOf(seen()));
    }

    /**
     * {@link #current()}, found when first asked for, on any worker thread and after the request:
     * for subscriptions, which are set up on an event loop, where the upsert must not block.
     */
    public Supplier<OptionalLong> currentLater() {
        if (caller.isAnonymous() || !caller.isStaff()) {
            return OptionalLong::empty;
        }
        Seen seen = seen();
        return () -> OptionalLong.of(idOf(seen));
    }

    private long idOf(Seen seen) {
        return known.computeIfAbsent(seen, s -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(UPSERT).setParameter(1, s.subject()).setParameter(2, s.name())
                        .setParameter(3, s.email()).getSingleResult()).longValue()));
    }

    private Seen seen() {
        String subject = caller.name();
        String name = null;
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            name = jwt.getClaim("name");
            email = jwt.getClaim("email");
        }
        if (email == null && subject.contains("@")) {
            email = subject;
        }
        return new Seen(subject, name == null || name.isBlank() ? subject : name, email);
    }
}
