package dev.supportgraph.graph.compiled;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code supportgraph.compiled-queries.*}: the SQL-compiled answers to repeated read queries ({@link CompiledQueries}). */
@ConfigMapping(prefix = "supportgraph.compiled-queries")
public interface CompiledQueriesConfig {

    /** Off: every query runs on the GraphQL engine. */
    @WithDefault("true")
    boolean enabled();

    /** How many distinct documents keep a plan; all plans are dropped and learned again beyond it. */
    @WithDefault("1000")
    int maxDocuments();

    /**
     * Lets a request carry {@code SupportGraph-Engine: reference} to be answered by the GraphQL
     * engine, the planner's reference (the differential tests compare the two); off in production.
     */
    @WithDefault("false")
    boolean referenceHeader();

    /** Longer documents are never compiled (clients' hot queries are short; this bounds the memory). */
    @WithDefault("8192")
    int maxDocumentLength();
}
