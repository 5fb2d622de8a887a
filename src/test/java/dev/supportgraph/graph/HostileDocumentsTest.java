package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against generated hostile documents ({@link HostileDocuments}, a fixed seed, few
 * tries): each is answered or refused well within the execution deadline, never with a 5xx or an
 * INTERNAL error, by anonymous, portal and staff callers alike, and an ordinary request right
 * after it is still fast.
 */
@QuarkusTest
class HostileDocumentsTest {

    private static final int TRIES = 80;
    /** Well under the 10 s execution deadline, with room for a CI machine shared with other builds. */
    private static final long HOSTILE_MILLIS = 4_000;
    private static final long NORMAL_MILLIS = 2_000;
    private static final MemorySize MAX_BODY = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size",
            MemorySize.class);
    private static final String NORMAL = "{ customers(first: 10) { totalCount edges { node { name } } } }";

    @Test
    void hostileDocumentsAreAnsweredOrRefusedQuicklyAndTheNextRequestIsFast() {
        Random random = new Random(18);
        String[] callers = {null, Tokens.customer(1), Tokens.agent()};
        GraphQLClient.post(Tokens.agent(), NORMAL).statusCode(200);
        List<String> refusals = new ArrayList<>();
        int executed = 0;
        for (int i = 0; i < TRIES; i++) {
            HostileDocuments.Hostile hostile = HostileDocuments.generate(PublishedSdl.get(), random);
            String caller = callers[i % callers.length];
            long start = System.nanoTime();
            Response response;
            try {
                response = GraphQLClient.post(caller, hostile.query(), hostile.variables()).extract().response();
            } catch (Exception e) {
                // A body beyond quarkus.http.limits.max-body-size may be refused (413, connection closed)
                // before the client has written all of it: a refusal, for bodies that large only.
                assertTrue(e instanceof SocketException && bodyBytes(hostile) > MAX_BODY.asLongValue(),
                        "try " + i + " (" + hostile.shape() + "): " + e);
                refusals.add("HTTP 413 (closed while sending)");
                continue;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String context = "try " + i + " (" + hostile.shape() + "): " + millis + " ms, HTTP " + response.statusCode();
            assertTrue(millis < HOSTILE_MILLIS, context);
            assertTrue(response.statusCode() < 500, context + " " + response.asString());
            // A body beyond quarkus.http.limits.max-body-size is refused by HTTP (413) without a JSON body.
            List<String> codes = response.asString().isEmpty() ? List.of("HTTP " + response.statusCode())
                    : response.jsonPath().getList("errors.extensions.code");
            assertFalse(codes != null && codes.contains("INTERNAL"), context + " " + response.asString());
            if (codes != null && !codes.isEmpty()) {
                refusals.add(codes.getFirst());
            }
            if (!response.asString().isEmpty() && response.jsonPath().get("data") != null) {
                executed++;
            }

            long normal = System.nanoTime();
            GraphQLClient.post(Tokens.agent(), NORMAL).statusCode(200)
                    .body("errors", equalTo(null)).body("data.customers.totalCount", notNullValue());
            long normalMillis = (System.nanoTime() - normal) / 1_000_000;
            assertTrue(normalMillis < NORMAL_MILLIS, "ordinary request after " + context + ": " + normalMillis + " ms");
        }
        System.out.println("Hostile documents: " + executed + " executed (with or without errors); errors " + refusals);
        assertFalse(refusals.isEmpty(), "some generated documents are refused");
        assertTrue(executed > 0, "and some executed: " + refusals);
    }

    private static long bodyBytes(HostileDocuments.Hostile hostile) {
        return new JsonObject().put("query", hostile.query()).put("variables", hostile.variables()).toBuffer().length();
    }
}
