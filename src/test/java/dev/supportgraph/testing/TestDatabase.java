package dev.supportgraph.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}. */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
