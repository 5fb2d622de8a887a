package dev.supportgraph.graph;

import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** node/nodes over the real endpoint: order kept, unknown ids null, malformed ids refused. */
@QuarkusTest
class NodeGraphTest {

    @Inject
    CommerceData data;

    @Test
    void nodesKeepsTheOrderOfTheIdsAndAnswersNullForUnknownOnes() {
        List<String> ids = List.of(GlobalId.encode("Customer", data.customer("Node A")),
                GlobalId.encode("Customer", data.customer("Node B")));
        String unknown = GlobalId.encode("Customer", Long.MAX_VALUE);
        List<String> asked = List.of(ids.get(1), unknown, ids.get(0));

        JsonPath answer = GraphQLClient.post(Tokens.agent(),
                        "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }", Map.of("ids", asked))
                .statusCode(200).body("errors", nullValue()).extract().jsonPath();
        assertEquals(ids.get(1), answer.getString("data.nodes[0].id"));
        assertNull(answer.get("data.nodes[1]"));
        assertEquals(ids.get(0), answer.getString("data.nodes[2].id"));
    }

    @Test
    void malformedIdsAreRefusedWithACode() {
        GraphQLClient.post(Tokens.agent(), "{ node(id: \"not-an-id\") { id } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("INVALID_ID"));
    }

    @Test
    void moreThanOneHundredIdsAreRefused() {
        List<String> ids = java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(i -> GlobalId.encode("Customer", i)).toList();
        GraphQLClient.post(Tokens.agent(), "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", ids))
                .statusCode(200)
                .body("errors[0].message", equalTo("nodes takes at most 100 ids, got 101"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }
}
