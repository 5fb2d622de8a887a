package dev.supportgraph.graph;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Guards the per-arguments loaders of {@link LazyDataLoaders}: aliases of one batch field with
 * different arguments under the same parent each get their own answer from the engine (the first
 * request of a document runs on the engine, not on a plan).
 */
@QuarkusTest
class AliasedBatchFieldsTest {

    @Inject
    CommerceData data;

    @Test
    void aliasesWithDifferentArgumentsAreAnsweredEachByTheirOwn() {
        long customer = data.customer(CommerceData.unique("Aliases"));
        for (String description : List.of("first", "second", "third")) {
            data.order(customer, "IN_PROGRESS", 1, description);
        }
        Map<String, Object> id = Map.of("id", GlobalId.encode(CustomerType.TYPE, customer));
        List<String> numbers = GraphQLClient.post(Tokens.agent(), "query($id: ID!) { customer(id: $id) {"
                        + " orders(orderBy: {field: NUMBER, direction: ASC}) { edges { node { number } } } } }", id)
                .statusCode(200).extract().jsonPath().getList("data.customer.orders.edges.node.number", String.class);
        String query = """
                query($id: ID!) { customer(id: $id) {
                  oldest: orders(first: 1, orderBy: {field: NUMBER, direction: ASC}) { edges { node { number } } pageInfo { hasNextPage } }
                  newest: orders(last: 2, orderBy: {field: NUMBER, direction: ASC}) { edges { node { number } } pageInfo { hasNextPage hasPreviousPage } }
                  all: orders { totalCount }
                } } # %s""".formatted(CommerceData.unique("engine"));
        GraphQLClient.post(Tokens.agent(), query, id)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.customer.oldest.edges.node.number", contains(numbers.get(0)))
                .body("data.customer.oldest.pageInfo.hasNextPage", equalTo(true))
                .body("data.customer.newest.edges.node.number", contains(numbers.get(1), numbers.get(2)))
                .body("data.customer.newest.pageInfo.hasPreviousPage", equalTo(true))
                .body("data.customer.all.totalCount", equalTo(3));
    }
}
