package dev.supportgraph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings under {@code supportgraph.*} (env: {@code SUPPORTGRAPH_*}). */
@ConfigMapping(prefix = "supportgraph")
public interface SupportGraphConfig {

    Paging paging();

    DevDb devDb();

    /**
     * Whether introspection ({@code __schema}, {@code __type}) and the SDL at /graphql/schema.graphql
     * are served ({@code SUPPORTGRAPH_INTROSPECTION=false} in production hides the schema).
     */
    @WithDefault("true")
    boolean introspection();

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
