package dev.supportgraph.graph;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A production-like hardening (introspection and SDL off, GET queries on to prove mutations are
 * still refused over GET) with a deliberately tiny execution budget and cost and response size
 * limits high enough to let a genuinely slow query start, so that the timeout is what stops it.
 */
public class StrictProfile implements QuarkusTestProfile {

    // Small enough to cut the slow query off early, large enough for a plain query on a busy CI machine.
    static final String TIMEOUT = "PT1.5S";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "supportgraph.introspection", "false",
                "quarkus.smallrye-graphql.http.get.enabled", "true",
                "supportgraph.query-limits.timeout", TIMEOUT,
                "supportgraph.query-limits.max-cost", "100000000",
                "supportgraph.query-limits.max-response-size", "1G");
    }
}
