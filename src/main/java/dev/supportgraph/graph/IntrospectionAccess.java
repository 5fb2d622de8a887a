package dev.supportgraph.graph;

import dev.supportgraph.config.SupportGraphConfig;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may read the schema (introspection and the SDL): everyone while
 * {@code supportgraph.introspection} is on; otherwise only callers with one of
 * {@code supportgraph.introspection-roles}, so production hides it from anonymous callers and
 * portal users while staff keep their tools (codegen, GraphiQL, schema diffs).
 */
@ApplicationScoped
public class IntrospectionAccess {

    @Inject
    SupportGraphConfig config;

    @Inject
    SecurityIdentity identity;

    /** For the caller of the current request (anonymous when there is no request context). */
    boolean allowsCurrentCaller() {
        return config.introspection()
                || (Arc.container().requestContext().isActive() && allows(identity));
    }

    boolean allows(SecurityIdentity caller) {
        return config.introspection()
                || (caller != null && !caller.isAnonymous()
                    && caller.getRoles().stream().anyMatch(config.introspectionRoles()::contains));
    }
}
