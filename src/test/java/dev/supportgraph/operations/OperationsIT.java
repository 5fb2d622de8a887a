package dev.supportgraph.operations;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
