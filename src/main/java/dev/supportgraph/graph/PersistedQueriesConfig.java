package dev.supportgraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Automatic Persisted Queries (Apollo's protocol: {@code extensions.persistedQuery.sha256Hash}) and
 * the trusted-documents mode; env {@code SUPPORTGRAPH_PERSISTED_QUERIES_*}. See docs/http.md.
 */
@ConfigMapping(prefix = "supportgraph.persisted-queries")
public interface PersistedQueriesConfig {

    /** Whether clients may send a hash in place of the query text and register new documents by hash. */
    @WithDefault("true")
    boolean enabled();

    /** Documents registered by clients that are remembered; the least recently used go first. */
    @WithDefault("5000")
    int maxEntries();

    /**
     * Trusted documents: only documents loaded from {@link #documents()} run (by hash or by text);
     * clients cannot register new ones. Closes the API to ad-hoc queries in production.
     */
    @WithDefault("false")
    boolean trustedOnly();

    /**
     * A {@code .graphql} file, a {@code .json} manifest ({@code {"<sha256>": "<document>"}}), or a
     * directory of such files, loaded at start-up; every hash is checked against its document.
     */
    Optional<Path> documents();
}
