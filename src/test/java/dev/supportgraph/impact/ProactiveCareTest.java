package dev.supportgraph.impact;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One resource trouble behind five active services of four customers (and a terminated one):
 * impact figures against hand-computed values, the propagation fan-out, its retry, and the
 * cascade when the trouble is resolved.
 */
@QuarkusTest
class ProactiveCareTest {

    @Inject
    DataSource ds;

    @Test
    void aResourceTroubleReachesEveryAffectedCustomerInTheirLanguageAndItsResolutionToo() {
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'olt') returning id", "olt-" + UUID.randomUUID());
        long anna = customer("ENTERPRISE", "en");
        long bernd = customer("SMALL_BUSINESS", "de");
        long clara = customer("CONSUMER", "de-AT");
        long dora = customer("ENTERPRISE", "fr");
        long a1 = service(anna, resource, "Fibre A1", "100.00", "ACTIVE");
        service(anna, resource, "Fibre A2", "50.00", "ACTIVE");
        long b1 = service(bernd, resource, "Glasfaser B1", "80.00", "ACTIVE");
        service(clara, resource, "Glasfaser C1", "20.00", "ACTIVE");
        service(clara, resource, "Old line", "999.00", "TERMINATED");
        service(dora, resource, "Fibre D1", "30.00", "ACTIVE");
        // Already known: Anna reported a problem with A1, and a service trouble is open on B1.
        Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, related_service_id) values (?, 'Slow', 'MINOR', 'LOW', 'PHONE', ?)", anna, a1);
        long knownTrouble = Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency) values ('B1 flaps', 'MINOR', 'LOW', 'MINOR', 'LOW') returning id");
        Sql.exec(ds, "insert into service_trouble_service (service_trouble_id, service_id) values (?, ?)", knownTrouble, b1);

        String rt = GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleCreate", "{title: \"Line card 3 down\", resourceId: \"" + GlobalId.encode("Resource", resource)
                + "\", severity: CRITICAL, priority: HIGH, perceivedSeverity: CRITICAL}", "resourceTrouble { id }").getString("resourceTrouble.id");
        long rtKey = GlobalId.decode("ResourceTrouble", rt);

        JsonPath impact = impact(rt);
        assertEquals(4, impact.getInt("impact.customersAffected"));
        assertEquals(List.of(Map.of("segment", "CONSUMER", "customers", 1), Map.of("segment", "ENTERPRISE", "customers", 2),
                Map.of("segment", "SMALL_BUSINESS", "customers", 1)), impact.getList("impact.bySegment"));
        assertEquals(1, impact.getInt("impact.openProblemReports"));
        assertEquals(List.of(Map.of("amount", "280.00", "currency", "EUR")), impact.getList("impact.monthlyRevenueAtRisk"));
        assertEquals(5, impact.getList("affectedServices").size());
        assertEquals(4, impact.getInt("affectedCustomers.totalCount"));
        assertEquals(List.of(GlobalId.encode("Customer", anna), GlobalId.encode("Customer", bernd)), impact.getList("affectedCustomers.edges.node.id"));
        assertTrue(impact.getBoolean("affectedCustomers.pageInfo.hasNextPage"));
        String next = impact.getString("affectedCustomers.pageInfo.endCursor");
        JsonPath second = GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + rt + "\") { ... on ResourceTrouble { affectedCustomers(first: 2, after: \"" + next
                + "\") { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } } } }").statusCode(200).extract().jsonPath().setRootPath("data.node.affectedCustomers");
        assertEquals(List.of(GlobalId.encode("Customer", clara), GlobalId.encode("Customer", dora)), second.getList("edges.node.id"));
        assertEquals(false, second.getBoolean("pageInfo.hasNextPage"));
        assertEquals(true, second.getBoolean("pageInfo.hasPreviousPage"));

        // Portal users never see troubles or their impact.
        GraphQLClient.post(Tokens.customer(anna), "{ node(id: \"" + rt + "\") { id } resourceTroubles(first: 5) { edges { node { id } } } }")
                .statusCode(200).body("data.node", org.hamcrest.Matchers.nullValue())
                .body("data.resourceTroubles.edges", org.hamcrest.Matchers.empty());

        // Propagate: five services -> four new service troubles plus the known one linked; four customers -> four reports.
        JsonPath first = propagate(rt);
        assertEquals(List.of(4, 1, 4), List.of(first.getInt("serviceTroublesOpened"), first.getInt("serviceTroublesLinked"), first.getInt("problemReportsOpened")));
        assertEquals(5, Sql.count(ds, "select count(*) from service_trouble_resource_trouble where resource_trouble_id = ?", rtKey));
        assertEquals(1, Sql.count(ds, "select count(*) from service_trouble_resource_trouble where resource_trouble_id = ? and service_trouble_id = ?", rtKey, knownTrouble));
        Map<Long, List<String>> notes = Map.of(anna, List.of("We detected a fault"), bernd, List.of("Wir haben eine Störung"),
                clara, List.of("Wir haben eine Störung"), dora, List.of("We detected a fault"));
        assertNotes(notes);
        assertEquals(4, Sql.count(ds, "select count(*) from outbox_event where type = 'PROACTIVE_NOTICE' and payload->>'resourceTroubleId' = ? and customer_id is not null", rt));
        assertEquals(4 + 1, Sql.count(ds, "select count(*) from problem_report_service_trouble l join propagation p on p.problem_report_id = l.problem_report_id where p.resource_trouble_id = ?", rtKey),
                "each report linked to the service troubles of its customer's services (Anna has two)");
        assertEquals(5, impact(rt).getInt("impact.openProblemReports"));

        // Retrying creates nothing.
        JsonPath retry = propagate(rt);
        assertEquals(List.of(0, 0, 0), List.of(retry.getInt("serviceTroublesOpened"), retry.getInt("serviceTroublesLinked"), retry.getInt("problemReportsOpened")));
        assertEquals(4, Sql.count(ds, "select count(*) from problem_report where channel = 'PROACTIVE' and customer_id in (?, ?, ?, ?)", anna, bernd, clara, dora));
        assertNotes(notes);

        // The same analysis on a service trouble: the known one on B1 now carries Bernd's proactive report.
        JsonPath known = GraphQLClient.post(Tokens.sre(), "{ node(id: \"" + GlobalId.encode("ServiceTrouble", knownTrouble) + "\") { ... on ServiceTrouble {"
                        + " affectedCustomers { totalCount edges { node { id } } } impactAnalysis { customersAffected bySegment { segment customers }"
                        + " openProblemReports monthlyRevenueAtRisk { amount currency } } } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data.node");
        assertEquals(List.of(GlobalId.encode("Customer", bernd)), known.getList("affectedCustomers.edges.node.id"));
        assertEquals(1, known.getInt("affectedCustomers.totalCount"));
        assertEquals(Map.of("customersAffected", 1, "bySegment", List.of(Map.of("segment", "SMALL_BUSINESS", "customers", 1)), "openProblemReports", 1,
                "monthlyRevenueAtRisk", List.of(Map.of("amount", "80.00", "currency", "EUR"))), known.getMap("impactAnalysis"));

        // The customer sees their proactive report and its public notice in the portal.
        GraphQLClient.post(Tokens.customer(bernd), "{ problemReports(filter: {channel: [PROACTIVE]}) { edges { node { title channel notes { visibility body } } } } }")
                .statusCode(200).body("data.problemReports.edges", org.hamcrest.Matchers.hasSize(1))
                .body("data.problemReports.edges[0].node.title", org.hamcrest.Matchers.startsWith("Störung"))
                .body("data.problemReports.edges[0].node.notes[0].visibility", org.hamcrest.Matchers.equalTo("PUBLIC"));

        // Resolving the resource trouble resolves what propagation opened and tells the customers.
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleTransition", "{id: \"" + rt + "\", expectedVersion: 0, to: IN_PROGRESS}", "resourceTrouble { id }");
        GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleTransition", "{id: \"" + rt + "\", expectedVersion: 1, to: RESOLVED, resolution: \"Line card replaced\"}", "resourceTrouble { id }");
        assertEquals(List.of(Map.of("status", "RESOLVED", "n", 4L), Map.of("status", "ACKNOWLEDGED", "n", 1L)), Sql.rows(ds, """
                select st.status, count(*) as n from service_trouble st join service_trouble_resource_trouble l on l.service_trouble_id = st.id
                where l.resource_trouble_id = ? group by st.status order by st.status desc""", rtKey), "the known trouble was only linked");
        assertEquals(4, Sql.count(ds, "select count(*) from problem_report p join propagation g on g.problem_report_id = p.id where g.resource_trouble_id = ? and p.status = 'RESOLVED' and (p.resolution like '%has been fixed%' or p.resolution like '%ist behoben%')", rtKey));
        // The SRE's resolution stays with staff: on the service troubles, nowhere a customer reads.
        assertEquals(4, Sql.count(ds, "select count(*) from service_trouble st join propagation g on g.service_trouble_id = st.id where g.resource_trouble_id = ? and g.opened and st.resolution = 'Line card replaced'", rtKey));
        assertEquals(0, Sql.count(ds, """
                select (select count(*) from problem_report p join propagation g on g.problem_report_id = p.id
                        where g.resource_trouble_id = ?1 and (p.resolution like '%Line card%' or p.description like '%Line card%'))
                     + (select count(*) from ticket_note n join propagation g on g.problem_report_id = n.problem_report_id
                        where g.resource_trouble_id = ?1 and n.body like '%Line card%')
                     + (select count(*) from outbox_event where type = 'PROACTIVE_NOTICE' and payload::text like '%Line card%')""".replace("?1", "?"),
                rtKey, rtKey));
        GraphQLClient.post(Tokens.customer(anna), "{ problemReports(filter: {channel: [PROACTIVE]}) { edges { node { resolution notes { body } } } } }")
                .statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Line card")))
                .body("data.problemReports.edges[0].node.resolution", org.hamcrest.Matchers.startsWith("The fault"));
        notes = Map.of(anna, List.of("We detected a fault", "The fault"), bernd, List.of("Wir haben eine Störung", "Die Störung"),
                clara, List.of("Wir haben eine Störung", "Die Störung"), dora, List.of("We detected a fault", "The fault"));
        assertNotes(notes);
        assertEquals(4, Sql.count(ds, "select count(*) from outbox_event where type = 'PROACTIVE_NOTICE' and payload->>'resourceTroubleId' = ? and payload->>'phase' = 'RESOLVED'", rt));
        assertEquals(4, Sql.count(ds, "select count(*) from status_change c join propagation g on g.problem_report_id = c.problem_report_id where g.resource_trouble_id = ? and c.to_status = 'RESOLVED' and c.reason like 'Resolved with RT-%'", rtKey));

        // A retried resolution is refused and changes nothing; propagating a resolved trouble is refused.
        JsonPath again = GraphQLClient.mutate(Tokens.sre(), "resourceTroubleTransition", "{id: \"" + rt + "\", expectedVersion: 1, to: RESOLVED, resolution: \"Line card replaced\"}", "resourceTrouble { id }");
        assertEquals("STALE_OBJECT", again.getString("userErrors[0].code"));
        assertEquals("BUSINESS_RULE", GraphQLClient.mutate(Tokens.sre(), "resourceTroublePropagate", "{id: \"" + rt + "\"}", "serviceTroublesOpened").getString("userErrors[0].code"));
        assertNotes(notes);
        assertEquals("FORBIDDEN", GraphQLClient.mutate(Tokens.agent(), "resourceTroublePropagate", "{id: \"" + rt + "\"}", "serviceTroublesOpened")
                .getString("userErrors[0].code"), "SRE and admins propagate");
    }

    private void assertNotes(Map<Long, List<String>> expected) {
        expected.forEach((customer, starts) -> {
            List<Object> bodies = Sql.rows(ds, """
                    select n.body from ticket_note n join problem_report p on p.id = n.problem_report_id
                    where p.customer_id = ? and p.channel = 'PROACTIVE' and n.visibility = 'PUBLIC' order by n.id""", customer)
                    .stream().map(r -> r.get("body")).toList();
            assertEquals(starts.size(), bodies.size(), () -> "notes of " + customer + ": " + bodies);
            for (int i = 0; i < starts.size(); i++) {
                assertTrue(((String) bodies.get(i)).startsWith(starts.get(i)), bodies.get(i) + " should start with " + starts.get(i));
            }
        });
    }

    private JsonPath impact(String rt) {
        return GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + rt + "\") { ... on ResourceTrouble { affectedServices { id }"
                        + " affectedCustomers(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }"
                        + " impact { customersAffected bySegment { segment customers } openProblemReports monthlyRevenueAtRisk { amount currency } } } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data.node");
    }

    private static JsonPath propagate(String rt) {
        return GraphQLClient.mutateOk(Tokens.sre(), "resourceTroublePropagate", "{id: \"" + rt + "\"}",
                "resourceTrouble { id } serviceTroublesOpened serviceTroublesLinked problemReportsOpened");
    }

    private long customer(String segment, String language) {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating, preferred_language) values (?, 'Care Test', ?, 700, ?) returning id",
                "CARE-" + UUID.randomUUID(), segment, language);
    }

    private long service(long customer, long resource, String name, String charge, String state) {
        long id = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge, state) values (?, ?, 'broadband', ?::numeric, ?) returning id",
                customer, name, charge, state);
        Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", id, resource);
        return id;
    }
}
