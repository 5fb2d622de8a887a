package dev.supportgraph.events;

import dev.supportgraph.graph.GlobalId;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The ticket mutations over HTTP, as clients call them: the events the subscription tests wait
 * for are the ones these mutations commit. Keeps each ticket's version to pass as expectedVersion.
 */
final class TicketMutations {

    private final URI graphql;

    /** @param graphql the endpoint, or null for the {@code @QuarkusTest} application */
    TicketMutations(URI graphql) {
        this.graphql = graphql;
    }

    /** A problem report of {@code customerId} (database id), created by {@code token}; returns its global id. */
    String problemReport(String token, long customerId) {
        return mutate(token, "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customerId)
                + "\", title: \"Events test\", severity: MINOR, priority: LOW}", "problemReport { id }")
                .getString("problemReport.id");
    }

    String serviceTrouble(String token) {
        return mutate(token, "serviceTroubleCreate",
                "{title: \"Events test\", severity: MINOR, priority: LOW, impact: MODERATE, urgency: LOW}",
                "serviceTrouble { id }").getString("serviceTrouble.id");
    }

    String resourceTrouble(String token, long resourceId) {
        return mutate(token, "resourceTroubleCreate", "{title: \"Events test\", resourceId: \"" + GlobalId.encode("Resource", resourceId)
                + "\", severity: MINOR, priority: LOW, perceivedSeverity: MINOR}", "resourceTrouble { id }")
                .getString("resourceTrouble.id");
    }

    /**
     * Moves the ticket {@code id} to {@code to} with the {@code <kind>Transition} mutation, taking
     * its current version first; returns the version after the change.
     */
    int transition(String token, String id, String to, String reason) {
        String mutation = mutationPrefix(id);
        int version = query(token, "{ node(id: \"" + id + "\") { ... on Ticket { version } } }").getInt("data.node.version");
        String resolution = to.equals("RESOLVED") ? ", resolution: \"Fixed\"" : "";
        JsonPath result = mutate(token, mutation + "Transition", "{id: \"" + id + "\", expectedVersion: " + version
                + ", to: " + to + (reason == null ? "" : ", reason: \"" + reason + "\"") + resolution + "}", mutation + " { status version }");
        assertEquals(to, result.getString(mutation + ".status"));
        return result.getInt(mutation + ".version");
    }

    /** Adds a note ({@code PUBLIC} or {@code INTERNAL}) to the ticket {@code id}. */
    void note(String token, String id, String body, String visibility) {
        mutate(token, mutationPrefix(id) + "AddNote", "{id: \"" + id + "\", body: \"" + body + "\", visibility: "
                + visibility + "}", "note { id }");
    }

    /** The ticket's type as the mutations' names begin with it, e.g. problemReport. */
    private static String mutationPrefix(String id) {
        String type = GlobalId.decode(id).type();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    private JsonPath mutate(String token, String mutation, String input, String selection) {
        JsonPath json = query(token, "mutation { " + mutation + "(input: " + input + ") { " + selection
                + " userErrors { field message code } } }");
        assertEquals(0, json.getList("data." + mutation + ".userErrors").size(), json::prettify);
        return json.setRootPath("data." + mutation);
    }

    private JsonPath query(String token, String document) {
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document)).auth().oauth2(token);
        JsonPath json = (graphql == null ? request.post("/graphql") : request.post(graphql))
                .then().statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), json::prettify);
        return json;
    }
}
