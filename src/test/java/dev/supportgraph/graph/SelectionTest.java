package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;


import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** totalCount is counted exactly when the connection selects it, however the query spells that. */
@QuarkusTest
class SelectionTest {

    @Inject
    SqlStatements statements;

    @Test
    void totalCountSelectedDirectlyThroughFragmentsOrNotAtAll() {
        String token = Tokens.agent();
        long withCount = statements.count(() -> GraphQLClient.reference(token, "{ customers(first: 1) { totalCount } }")
                .body("errors", nullValue()).body("data.customers.totalCount", notNullValue())).statements();
        statements.count(() -> GraphQLClient.reference(token, "{ customers(first: 1) { ...Counted } } fragment Counted on CustomerConnection { totalCount }")
                .body("errors", nullValue()).body("data.customers.totalCount", notNullValue()));
        statements.count(() -> GraphQLClient.reference(token, "{ customers(first: 1) { ... on CustomerConnection { n: totalCount } } }")
                .body("errors", nullValue()).body("data.customers.n", notNullValue()));
        long withoutCount = statements.count(() -> GraphQLClient.reference(token, "{ customers(first: 1) { edges { cursor } } }")
                .body("errors", nullValue())).statements();
        assertEquals(withCount - 1, withoutCount, "no COUNT(*) when totalCount is not selected");
    }
}
