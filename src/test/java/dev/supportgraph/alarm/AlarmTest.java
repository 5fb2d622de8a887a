package dev.supportgraph.alarm;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Concurrently;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.logging.Log;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alarms in (TMF642) against the real database and the real endpoints: the mutations' flows and
 * rules, bad input, concurrent duplicates, and a storm through {@code POST /alarms}.
 */
@QuarkusTest
class AlarmTest {

    private static final String ALARM = "alarm { id state count perceivedSeverity version ackState acknowledgedBy clearedTime"
            + " resource { id } resourceTrouble { id status resolution perceivedSeverity } }";

    @Inject
    DataSource ds;

    @Test
    void raiseDuplicateAcknowledgeAndClear() {
        String source = unique();
        String resourceExt = unique();
        long resource = resource(resourceExt);

        JsonPath raised = raise(Tokens.integration(), source, "A-1", "resourceExternalId: \"" + resourceExt + "\"", "MAJOR");
        assertEquals(List.of(), raised.getList("userErrors"));
        assertEquals("RAISED", raised.getString("alarm.state"));
        assertEquals(1, raised.getInt("alarm.count"));
        assertEquals(GlobalId.encode("Resource", resource), raised.getString("alarm.resource.id"));
        // Integration reads no troubles: the link is checked as SRE below.
        assertNull(raised.get("alarm.resourceTrouble"));

        JsonPath repeated = raise(Tokens.sre(), source, "A-1", "resourceId: \"" + GlobalId.encode("Resource", resource) + "\"", "CRITICAL");
        assertEquals(raised.getString("alarm.id"), repeated.getString("alarm.id"));
        assertEquals(2, repeated.getInt("alarm.count"));
        assertEquals("UPDATED", repeated.getString("alarm.state"));
        assertEquals("CRITICAL", repeated.getString("alarm.perceivedSeverity"));
        assertEquals("ACKNOWLEDGED", repeated.getString("alarm.resourceTrouble.status"));
        assertEquals("CRITICAL", repeated.getString("alarm.resourceTrouble.perceivedSeverity"), "a more severe repeat escalates the trouble");
        assertEquals(1, Sql.count(ds, "select count(*) from alarm where source_system = ?", source));
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ?", resource));

        String id = repeated.getString("alarm.id");
        JsonPath stale = GraphQLClient.mutate(Tokens.sre(), "alarmAcknowledge", "{id: \"" + id + "\", expectedVersion: 0, ackState: ACKNOWLEDGED}", ALARM);
        assertEquals(List.of("STALE_OBJECT"), stale.getList("userErrors.code"));
        int version = repeated.getInt("alarm.version");
        JsonPath acked = GraphQLClient.mutate(Tokens.sre(), "alarmAcknowledge",
                "{id: \"" + id + "\", expectedVersion: " + version + ", ackState: ACKNOWLEDGED}", ALARM);
        assertEquals("ACKNOWLEDGED", acked.getString("alarm.ackState"));
        assertNotNull(acked.getString("alarm.acknowledgedBy"));

        JsonPath cleared = GraphQLClient.mutate(Tokens.integration(), "alarmClear", "{sourceSystem: \"" + source + "\", externalAlarmId: \"A-1\"}", ALARM);
        assertEquals("CLEARED", cleared.getString("alarm.state"));
        assertEquals("CLEARED", cleared.getString("alarm.perceivedSeverity"));
        assertNotNull(cleared.getString("alarm.clearedTime"));
        long trouble = Sql.count(ds, "select id from resource_trouble where resource_id = ?", resource);
        Map<String, Object> row = Sql.row(ds, "select status, resolution from resource_trouble where id = ?", trouble);
        assertEquals("RESOLVED", row.get("status"));
        assertTrue(((String) row.get("resolution")).contains("A-1"), row::toString);
        // The normal lifecycle: history and outbox events for create, start and resolve.
        assertEquals(List.of("ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"), Sql.rows(ds,
                "select to_status from status_change where resource_trouble_id = ? order by id", trouble).stream().map(r -> r.get("to_status")).toList());
        assertEquals(3, Sql.count(ds, "select count(*) from outbox_event where aggregate = 'RESOURCE_TROUBLE' and aggregate_id = ?", trouble));

        // The trouble lists its alarms.
        JsonPath read = GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + GlobalId.encode("ResourceTrouble", trouble)
                + "\") { ... on ResourceTrouble { alarms { id ackState } } } }").statusCode(200).extract().jsonPath();
        assertEquals(List.of(id), read.getList("data.node.alarms.id"));

        // Raised again after it cleared: the same row, RAISED, a new trouble (the old one is resolved).
        JsonPath again = raise(Tokens.sre(), source, "A-1", "resourceExternalId: \"" + resourceExt + "\"", "MAJOR");
        assertEquals("RAISED", again.getString("alarm.state"));
        assertEquals(3, again.getInt("alarm.count"));
        assertEquals("ACKNOWLEDGED", again.getString("alarm.resourceTrouble.status"));
        assertEquals(2, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ?", resource));
    }

    @Test
    void onlyAlarmsAtOrAboveTheThresholdOpenTroubles() {
        String source = unique();
        String resourceExt = unique();
        long resource = resource(resourceExt);
        JsonPath minor = raise(Tokens.sre(), source, "M-1", "resourceExternalId: \"" + resourceExt + "\"", "MINOR");
        assertNull(minor.get("alarm.resourceTrouble"));
        raise(Tokens.sre(), source, "W-1", "resourceExternalId: \"" + resourceExt + "\"", "WARNING");
        assertEquals(0, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ?", resource));

        JsonPath updated = GraphQLClient.mutate(Tokens.sre(), "alarmUpdate", "{sourceSystem: \"" + source
                + "\", externalAlarmId: \"M-1\", expectedVersion: 0, perceivedSeverity: MAJOR, probableCause: \"Laser degraded\"}", ALARM);
        assertEquals("UPDATED", updated.getString("alarm.state"));
        assertEquals("ACKNOWLEDGED", updated.getString("alarm.resourceTrouble.status"));
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ? and probable_cause = 'Laser degraded'", resource));

        // Clearing the MINOR alarm (never linked) leaves the trouble open; clearing the MAJOR one resolves it.
        clear(source, "W-1");
        assertEquals("ACKNOWLEDGED", Sql.row(ds, "select status from resource_trouble where resource_id = ?", resource).get("status"));
        clear(source, "M-1");
        assertEquals("RESOLVED", Sql.row(ds, "select status from resource_trouble where resource_id = ?", resource).get("status"));
    }

    @Test
    void alarmsBehindOneServiceWithinTheWindowShareATrouble() {
        String source = unique();
        long service = Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'Fibre', 'FIBRE') returning id",
                Fixtures.customer(ds, 700));
        List<String> exts = List.of(unique(), unique(), unique());
        exts.forEach(ext -> Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource(ext)));

        JsonPath first = raise(Tokens.sre(), source, "C-1", "resourceExternalId: \"" + exts.get(0) + "\"", "MAJOR");
        JsonPath second = raise(Tokens.sre(), source, "C-2", "resourceExternalId: \"" + exts.get(1) + "\"", "CRITICAL");
        String trouble = first.getString("alarm.resourceTrouble.id");
        assertEquals(trouble, second.getString("alarm.resourceTrouble.id"), "correlated alarms share the trouble");
        assertEquals("CRITICAL", second.getString("alarm.resourceTrouble.perceivedSeverity"), "a more severe alarm joining escalates the trouble");
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble t join service_resource sr on sr.resource_id = t.resource_id where sr.service_id = ?", service));

        // Outside the window an alarm on the third resource opens its own trouble.
        Sql.exec(ds, "update resource_trouble set created_at = now() - interval '1 day' where id = ?", GlobalId.decode("ResourceTrouble", trouble));
        JsonPath late = raise(Tokens.sre(), source, "C-3", "resourceExternalId: \"" + exts.get(2) + "\"", "MAJOR");
        assertNotNull(late.getString("alarm.resourceTrouble.id"));
        assertTrue(!trouble.equals(late.getString("alarm.resourceTrouble.id")), "a late alarm opened its own trouble");

        clear(source, "C-1");
        assertEquals("ACKNOWLEDGED", status(trouble), "C-2 is still active");
        clear(source, "C-2");
        assertEquals("RESOLVED", status(trouble));
        assertEquals("ACKNOWLEDGED", status(late.getString("alarm.resourceTrouble.id")));
    }

    @Test
    void badInputIsAUserErrorAndChangesNothing() {
        String source = unique();
        String resourceExt = unique();
        resource(resourceExt);
        long alarms = Sql.count(ds, "select count(*) from alarm");
        long troubles = Sql.count(ds, "select count(*) from resource_trouble");
        String on = "resourceExternalId: \"" + resourceExt + "\"";
        assertEquals(List.of("NOT_FOUND"), raise(Tokens.sre(), source, "B-1", "resourceExternalId: \"" + unique() + "\"", "MAJOR").getList("userErrors.code"));
        assertEquals(List.of("BAD_USER_INPUT"), raise(Tokens.sre(), source, "B-1", on, "CLEARED").getList("userErrors.code"));
        assertEquals(List.of("BAD_USER_INPUT"), raise(Tokens.sre(), source, "B-1", "", "MAJOR").getList("userErrors.code"));
        assertEquals(List.of("BAD_USER_INPUT"), raise(Tokens.sre(), source, "B".repeat(201), on, "MAJOR").getList("userErrors.code"));
        JsonPath longCause = GraphQLClient.mutate(Tokens.sre(), "alarmRaise", "{sourceSystem: \"" + source + "\", externalAlarmId: \"B-1\", " + on
                + ", alarmType: \"EQUIPMENT_ALARM\", perceivedSeverity: MAJOR, probableCause: \"" + "x".repeat(201) + "\"}", ALARM);
        assertEquals(List.of("probableCause"), longCause.getList("userErrors.field").stream().map(f -> ((List<?>) f).getLast()).toList());
        assertEquals(List.of("NOT_FOUND"), GraphQLClient.mutate(Tokens.sre(), "alarmClear", "{sourceSystem: \"" + source + "\", externalAlarmId: \"none\"}", ALARM)
                .getList("userErrors.code"));
        assertEquals(List.of("FORBIDDEN"), raise(Tokens.agent(), source, "B-1", on, "MAJOR").getList("userErrors.code"));
        assertEquals(alarms, Sql.count(ds, "select count(*) from alarm"));
        assertEquals(troubles, Sql.count(ds, "select count(*) from resource_trouble"));

        // An alarm id of a source stays on its resource.
        raise(Tokens.sre(), source, "B-2", on, "MINOR");
        String other = unique();
        resource(other);
        assertEquals(List.of("BUSINESS_RULE"), raise(Tokens.sre(), source, "B-2", "resourceExternalId: \"" + other + "\"", "MINOR").getList("userErrors.code"));
        assertEquals(1, Sql.count(ds, "select count from alarm where source_system = ? and external_alarm_id = 'B-2'", source));
    }

    @Test
    void theSameAlarmRaisedInParallelIsOneRowAndOneTrouble() throws Exception {
        String source = unique();
        String resourceExt = unique();
        long resource = resource(resourceExt);
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(pool.submit(() -> raise(Tokens.integration(), source, "P-1", "resourceExternalId: \"" + resourceExt + "\"", "CRITICAL")));
            }
            for (Future<JsonPath> call : calls) {
                assertEquals(List.of(), call.get().getList("userErrors"));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(parallel, Sql.count(ds, "select count from alarm where source_system = ? and external_alarm_id = 'P-1'", source));
        assertEquals(1, Sql.count(ds, "select count(*) from alarm where source_system = ?", source));
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ?", resource));
    }

    @Test
    void parallelAlarmsBehindOneServiceOpenOneTrouble() throws Exception {
        String source = unique();
        long service = Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'Fibre', 'FIBRE') returning id",
                Fixtures.customer(ds, 700));
        List<String> exts = IntStream.range(0, 6).mapToObj(i -> unique()).toList();
        exts.forEach(ext -> Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource(ext)));
        ExecutorService pool = Executors.newFixedThreadPool(exts.size());
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (String ext : exts) {
                calls.add(pool.submit(() -> raise(Tokens.sre(), source, "Q-" + ext, "resourceExternalId: \"" + ext + "\"", "MAJOR")));
            }
            for (Future<JsonPath> call : calls) {
                assertEquals(List.of(), call.get().getList("userErrors"));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Sql.count(ds, "select count(distinct resource_trouble_id) from alarm where source_system = ?", source));
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble t join service_resource sr on sr.resource_id = t.resource_id"
                + " where sr.service_id = ?", service));
    }

    @Test
    void theFeedReportsBadLinesAndAppliesTheRest() {
        String source = unique();
        String resourceExt = unique();
        long resource = resource(resourceExt);
        String file = String.join("\n",
                line("raise", source, "F-1", resourceExt, "MAJOR"),
                "{not json",
                line("raise", source, "F-2", unique(), "MAJOR"),
                line("raise", source, "F-3", resourceExt, "HUGE"),
                "",
                line("explode", source, "F-4", resourceExt, "MAJOR"),
                line("raise", source, "F-5", resourceExt, "MINOR").replace("{", "{\"colour\":\"red\","),
                line("raise", source, "F-1", resourceExt, "CRITICAL"),
                "{\"action\":\"clear\",\"sourceSystem\":\"" + source + "\",\"externalAlarmId\":\"F-9\"}") + "\n";
        JsonPath summary = feed(Tokens.integration(), file);
        assertEquals(8, summary.getInt("linesRead"));
        assertEquals(2, summary.getInt("applied"));
        assertEquals(6, summary.getInt("failed"));
        assertEquals(List.of(2, 3, 4, 6, 7, 9), summary.getList("errors.line"));
        assertEquals(List.of("BAD_USER_INPUT", "NOT_FOUND", "BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "NOT_FOUND"),
                summary.getList("errors.code"));
        assertEquals(2, Sql.count(ds, "select count from alarm where source_system = ? and external_alarm_id = 'F-1'", source));
        assertEquals(1, Sql.count(ds, "select count(*) from resource_trouble where resource_id = ?", resource));
        // The feed acts as its caller: the trouble's history names the integration principal.
        assertEquals("integration@supportgraph.dev", Sql.row(ds, "select h.actor from status_change h join resource_trouble t"
                + " on t.id = h.resource_trouble_id where t.resource_id = ?", resource).get("actor"));

        byte[] body = file.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(body).post("/alarms").then().statusCode(401);
        for (String token : List.of(Tokens.agent(), Tokens.admin(), Tokens.customer(1))) {
            given().auth().oauth2(token).contentType("application/x-ndjson").body(body).post("/alarms").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.sre()).contentType("text/csv").body(body).post("/alarms").then().statusCode(415);
    }

    @Test
    void twoFeedsOnTheSameResourcesInOppositeOrdersDoNotDeadlock() throws Exception {
        String source = unique();
        List<String> exts = IntStream.range(0, 20).mapToObj(i -> unique()).toList();
        exts.forEach(this::resource);
        for (int round = 0; round < 3; round++) {
            String forward = "D-" + round + "-f-";
            String backward = "D-" + round + "-b-";
            Runnable[] feeds = new Runnable[2];
            // Ten passes over the resources in each batch, so that the two batches overlap for most of their time.
            int lines = exts.size() * 10;
            feeds[0] = () -> assertEquals(lines, feed(Tokens.integration(), IntStream.range(0, lines)
                    .mapToObj(i -> line("raise", source, forward + i, exts.get(i % exts.size()), "MINOR")).collect(Collectors.joining("\n"))).getInt("applied"));
            feeds[1] = () -> assertEquals(lines, feed(Tokens.sre(), IntStream.range(0, lines)
                    .mapToObj(i -> line("raise", source, backward + i, exts.get(exts.size() - 1 - i % exts.size()), "MINOR"))
                    .collect(Collectors.joining("\n"))).getInt("applied"));
            Concurrently.run(Duration.ofSeconds(60), feeds);
            // A batch that deadlocked would have been rolled back and written again line by line (a transaction each).
            for (String prefix : List.of(forward, backward)) {
                assertEquals(1, Sql.count(ds, "select count(distinct xmin::text) from alarm where source_system = ? and external_alarm_id like ?",
                        source, prefix + "%"), "one transaction for the batch " + prefix);
            }
        }
    }

    @Test
    void aStormOpensOneTroublePerResourceAndItsClearsResolveThem() {
        String source = unique();
        int resources = 100;
        int perResource = 100;
        List<String> exts = IntStream.range(0, resources).mapToObj(i -> unique()).toList();
        List<Long> keys = exts.stream().map(this::resource).toList();
        String raises = IntStream.range(0, resources * perResource)
                .mapToObj(i -> line("raise", source, "S-" + i, exts.get(i % resources), i % 3 == 0 ? "CRITICAL" : "MAJOR"))
                .collect(Collectors.joining("\n"));
        long started = System.nanoTime();
        JsonPath raised = feed(Tokens.integration(), raises);
        double raiseSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(resources * perResource, raised.getInt("applied"), raised::prettify);
        assertEquals(resources * perResource, Sql.count(ds, "select count(*) from alarm where source_system = ? and resource_trouble_id is not null", source));
        String inResources = "resource_id in (" + keys.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        assertEquals(resources, Sql.count(ds, "select count(*) from resource_trouble where " + inResources));
        assertEquals(resources, Sql.count(ds, "select count(distinct resource_id) from resource_trouble where " + inResources));

        String clears = IntStream.range(0, resources * perResource)
                .mapToObj(i -> "{\"action\":\"clear\",\"sourceSystem\":\"" + source + "\",\"externalAlarmId\":\"S-" + i + "\"}")
                .collect(Collectors.joining("\n"));
        started = System.nanoTime();
        JsonPath cleared = feed(Tokens.sre(), clears);
        double clearSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(resources * perResource, cleared.getInt("applied"), cleared::prettify);
        assertEquals(resources, Sql.count(ds, "select count(*) from resource_trouble where status = 'RESOLVED' and " + inResources));
        Log.infof("Alarm storm: %d raises on %d resources in %.1f s, %d clears in %.1f s", resources * perResource, resources,
                raiseSeconds, resources * perResource, clearSeconds);
        assertTrue(raiseSeconds < 60, "raises took " + raiseSeconds + " s");
        assertTrue(clearSeconds < 60, "clears took " + clearSeconds + " s");
    }

    private JsonPath raise(String token, String source, String external, String resource, String severity) {
        return GraphQLClient.mutate(token, "alarmRaise", "{sourceSystem: \"" + source + "\", externalAlarmId: \"" + external + "\", "
                + resource + ", alarmType: \"EQUIPMENT_ALARM\", perceivedSeverity: " + severity + "}", ALARM);
    }

    private void clear(String source, String external) {
        JsonPath cleared = GraphQLClient.mutate(Tokens.sre(), "alarmClear", "{sourceSystem: \"" + source + "\", externalAlarmId: \"" + external + "\"}", ALARM);
        assertEquals(List.of(), cleared.getList("userErrors"));
    }

    private String status(String trouble) {
        return (String) Sql.row(ds, "select status from resource_trouble where id = ?", GlobalId.decode("ResourceTrouble", trouble)).get("status");
    }

    private static JsonPath feed(String token, String body) {
        // The storm's limit is asserted by the test (a minute), not by the client's default read timeout.
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 120_000))).auth().oauth2(token).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/alarms").then().statusCode(200).extract().jsonPath();
    }

    private static String line(String action, String source, String external, String resourceExt, String severity) {
        return "{\"action\":\"" + action + "\",\"sourceSystem\":\"" + source + "\",\"externalAlarmId\":\"" + external
                + "\",\"resourceExternalId\":\"" + resourceExt + "\",\"alarmType\":\"COMMUNICATIONS_ALARM\",\"perceivedSeverity\":\"" + severity + "\"}";
    }

    private long resource(String externalId) {
        return Sql.exec(ds, "insert into resource (name, category, external_id) values (?, 'OLT', ?) returning id", externalId, externalId);
    }

    private static String unique() {
        return "al-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
