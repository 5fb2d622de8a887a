package dev.supportgraph.satisfaction;

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
import static org.junit.jupiter.api.Assertions.assertNull;

/** Ratings by the owning portal customer only, once, after closing; aggregates against hand-computed values. */
@QuarkusTest
class SatisfactionTest {

    @Inject
    DataSource ds;

    @Test
    void customersRateClosedReportsOnceAndStaffSeeTheAverages() {
        Map<String, double[]> before = bySegment();
        long wholesale = customer("WHOLESALE");
        long other = customer("WHOLESALE");
        long consumer = customer("CONSUMER");
        String closed1 = report(wholesale, "CLOSED");
        String closed2 = report(wholesale, "CLOSED");
        String open = report(wholesale, "IN_PROGRESS");
        String consumerReport = report(consumer, "CLOSED");

        assertEquals(List.of(), rate(Tokens.customer(wholesale), closed1, 5, "\"Fast and friendly\"").getList("userErrors"));
        assertEquals(4, rate(Tokens.customer(wholesale), closed2, 4, "null").getInt("rating.score"));
        assertEquals(List.of(), rate(Tokens.customer(consumer), consumerReport, 2, "\"Took days\"").getList("userErrors"));

        assertEquals("BUSINESS_RULE", code(rate(Tokens.customer(wholesale), closed1, 1, "null")), "only once");
        assertEquals("BUSINESS_RULE", code(rate(Tokens.customer(wholesale), open, 3, "null")), "only when closed");
        assertEquals(List.of("input", "score"), rate(Tokens.customer(consumer), report(consumer, "CLOSED"), 6, "null")
                .getList("userErrors[0].field"));
        assertEquals("NOT_FOUND", code(rate(Tokens.customer(other), closed1, 3, "null")), "another customer's report does not exist for them");
        assertEquals("FORBIDDEN", code(rate(Tokens.agent(), closed1, 3, "null")), "staff do not rate for customers");
        assertEquals(1, Sql.count(ds, "select count(*) from satisfaction_rating where problem_report_id = ?", GlobalId.decode("ProblemReport", closed1)));
        assertEquals(5, Sql.row(ds, "select score from satisfaction_rating where problem_report_id = ?", GlobalId.decode("ProblemReport", closed1)).get("score"));
        assertEquals(3, Sql.count(ds, "select count(*) from outbox_event where type = 'PROBLEM_REPORT_RATED' and customer_id in (?, ?)", wholesale, consumer));

        JsonPath summary = GraphQLClient.post(Tokens.customer(wholesale), "{ node(id: \"" + GlobalId.encode("Customer", wholesale)
                        + "\") { ... on Customer { satisfaction { average responses } } } problemReport(id: \"" + closed1 + "\") { satisfactionRating { score comment } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data");
        assertEquals(4.5, summary.getDouble("node.satisfaction.average"), 1e-9);
        assertEquals(2, summary.getInt("node.satisfaction.responses"));
        assertEquals("Fast and friendly", summary.getString("problemReport.satisfactionRating.comment"));
        JsonPath none = GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + GlobalId.encode("Customer", other) + "\") { ... on Customer { satisfaction { average responses } } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data.node.satisfaction");
        assertNull(none.get("average"));
        assertEquals(0, none.getInt("responses"));

        Map<String, double[]> after = bySegment();
        assertSegment(before, after, "WHOLESALE", 5 + 4, 2);
        assertSegment(before, after, "CONSUMER", 2, 1);
        GraphQLClient.post(Tokens.customer(wholesale), "{ satisfactionBySegment { segment } }").statusCode(200)
                .body("data.satisfactionBySegment", org.hamcrest.Matchers.empty());
    }

    /** The new average of a segment from its previous sum and count plus the scores added here. */
    private static void assertSegment(Map<String, double[]> before, Map<String, double[]> after, String segment, int addedSum, int added) {
        double[] was = before.getOrDefault(segment, new double[]{0, 0});
        double count = was[1] + added;
        assertEquals(count, after.get(segment)[1]);
        assertEquals((was[0] * was[1] + addedSum) / count, after.get(segment)[0], 1e-9);
    }

    private static Map<String, double[]> bySegment() {
        List<Map<String, Object>> rows = GraphQLClient.post(Tokens.agent(), "{ satisfactionBySegment { segment average responses } }")
                .statusCode(200).extract().jsonPath().getList("data.satisfactionBySegment");
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get("segment"),
                r -> new double[]{((Number) r.get("average")).doubleValue(), ((Number) r.get("responses")).doubleValue()}));
    }

    private static JsonPath rate(String token, String report, int score, String comment) {
        return GraphQLClient.mutate(token, "problemReportRate", "{id: \"" + report + "\", score: " + score + ", comment: " + comment + "}",
                "rating { score comment }");
    }

    private static String code(JsonPath payload) {
        return payload.getString("userErrors[0].code");
    }

    private long customer(String segment) {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Rating Test', ?, 700) returning id",
                "CSAT-" + UUID.randomUUID(), segment);
    }

    private String report(long customer, String status) {
        return GlobalId.encode("ProblemReport", Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status) values (?, 'Fixed', 'MINOR', 'LOW', 'PORTAL', ?) returning id""",
                customer, status));
    }
}
