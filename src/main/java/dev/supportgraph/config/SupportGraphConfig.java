package dev.supportgraph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/** Application settings under {@code supportgraph.*} (env: {@code SUPPORTGRAPH_*}). */
@ConfigMapping(prefix = "supportgraph")
public interface SupportGraphConfig {

    Paging paging();

    DevDb devDb();

    /**
     * Whether introspection ({@code __schema}, {@code __type}) and the SDL at /graphql/schema.graphql
     * are served to every caller, anonymous ones included ({@code SUPPORTGRAPH_INTROSPECTION=false}
     * in production hides the schema from all but {@link #introspectionRoles()}).
     */
    @WithDefault("true")
    boolean introspection();

    /**
     * Roles that may introspect and read the SDL when {@link #introspection()} is off: the staff who
     * build and debug clients against production. Portal users and anonymous callers are not among them.
     */
    @WithDefault("agent,admin,sre")
    Set<String> introspectionRoles();

    interface Paging {
        /** Page size when a client gives neither {@code first} nor {@code last}. */
        @WithDefault("20")
        int defaultSize();

        /** Upper bound of {@code first}/{@code last}; larger requests are refused. */
        @WithDefault("100")
        int maxSize();
    }

    /** The embedded PostgreSQL of dev mode (read by the config source factory before CDI). */
    interface DevDb {
        @WithDefault(".devdb")
        String dataDir();

        @WithDefault("54329")
        int port();

        @WithDefault("true")
        boolean demoData();
    }
}
