package dev.supportgraph.referencedata;

import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.supportgraph.referencedata.ReferenceDataTest.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bulk import over HTTP against the real database: bad rows, re-runs, order within a file, CSV, access. */
@QuarkusTest
class ImportTest {

    @Inject
    DataSource ds;

    @Test
    void badRowsAreReportedWithTheirLinesAndTheRestIsLoaded() {
        String run = unique();
        String taken = unique();
        Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Holder', 'CONSUMER', 1)", taken);
        String file = String.join("\n",
                customer(run + "-1", run + "-1"),
                "{not json",
                customer(run + "-3", run + "-3").replace("\"creditRating\":700", "\"creditRating\":2000"),
                "",
                customer(run + "-5", taken),
                customer(run + "-6", run + "-6").replace("\"segment\":\"ENTERPRISE\"", "\"segment\":\"GALACTIC\""),
                customer(run + "-7", run + "-7").replace("{", "{\"colour\":\"red\","),
                customer(run + "-8", run + "-8")) + "\n";
        JsonPath summary = importFile("customers", "application/x-ndjson", file);
        assertEquals(7, summary.getInt("rowsRead"));
        assertEquals(2, summary.getInt("created"));
        assertEquals(5, summary.getInt("failed"));
        assertEquals(List.of(2, 3, 5, 6, 7), summary.getList("errors.line"));
        assertEquals(Arrays.asList(null, "creditRating", "accountNumber", "segment", "colour"), summary.getList("errors.field"));
        assertEquals(2, Sql.count(ds, "select count(*) from customer where external_id like ?", run + "-%"));
    }

    @Test
    void aSecondRunChangesNothingAndWritesNoEvents() {
        String run = unique();
        String file = IntStream.range(0, 1200).mapToObj(i -> customer(run + "-" + i, run + "-" + i))
                .collect(Collectors.joining("\n"));
        JsonPath first = importFile("customers", "application/x-ndjson", file);
        assertEquals(1200, first.getInt("created"));
        long events = Sql.count(ds, "select count(*) from outbox_event");
        String versions = versions(run);
        JsonPath second = importFile("customers", "application/x-ndjson", file);
        assertEquals(Map.of("rowsRead", 1200, "created", 0, "updated", 0, "unchanged", 1200, "failed", 0), counts(second));
        assertEquals(events, Sql.count(ds, "select count(*) from outbox_event"), "a re-run wrote events");
        assertEquals(versions, versions(run));
    }

    @Test
    void aBatchWritesOnlyWhatChangedAndADatabaseFailureIsReportedAsItsLine() {
        String run = unique();
        String taken = unique();
        Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Holder', 'CONSUMER', 1)", taken);
        importFile("customers", "application/x-ndjson", String.join("\n", customer(run + "-1", run + "-1"), customer(run + "-2", run + "-2"),
                customer(run + "-3", run + "-3").replace("}", ",\"status\":\"SUSPENDED\"}")));
        importFile("contacts", "application/x-ndjson", contact(run + "-c1", run + "-1").replace("\"role\"", "\"email\":\"a@x.example\",\"role\""));
        String stored = rowVersions(run);
        long events = Sql.count(ds, "select count(*) from outbox_event");
        // Line 1 unchanged, line 2 renamed, line 3 takes an account number another customer holds (a failure only the
        // database finds), line 4 omits the status it was created with (kept, unchanged), line 5 is new.
        String file = String.join("\n", customer(run + "-1", run + "-1"), customer(run + "-2", run + "-2").replace("Customer ", "Renamed "),
                customer(run + "-2b", taken), customer(run + "-3", run + "-3"), customer(run + "-4", run + "-4")) + "\n";
        JsonPath summary = importFile("customers", "application/x-ndjson", file);
        assertEquals(Map.of("rowsRead", 5, "created", 1, "updated", 1, "unchanged", 2, "failed", 1), counts(summary));
        assertEquals(List.of(3), summary.getList("errors.line"));
        assertEquals(List.of("accountNumber"), summary.getList("errors.field"));
        assertEquals(events + 2, Sql.count(ds, "select count(*) from outbox_event"), "one event per created or updated row");
        String[] before = stored.split(",");
        String[] after = rowVersions(run).split(",");
        assertEquals(List.of(before[0], before[2]), List.of(after[0], after[2]), "an unchanged row was written");
        assertEquals("SUSPENDED", Sql.row(ds, "select status from customer where external_id = ?", run + "-3").get("status"));
        // The contact omits its e-mail: kept, nothing written.
        assertEquals(Map.of("rowsRead", 1, "created", 0, "updated", 0, "unchanged", 1, "failed", 0),
                counts(importFile("contacts", "application/x-ndjson", contact(run + "-c1", run + "-1"))));
        assertEquals("a@x.example", Sql.row(ds, "select email from contact where external_id = ?", run + "-c1").get("email"));

        String written = rowVersions(run);
        long eventsWritten = Sql.count(ds, "select count(*) from outbox_event");
        assertEquals(1, importFile("customers", "application/x-ndjson", file).getInt("failed"));
        assertEquals(written, rowVersions(run), "a re-run wrote a row");
        assertEquals(eventsWritten, Sql.count(ds, "select count(*) from outbox_event"), "a re-run wrote events");
    }

    @Test
    void aContactMayComeBeforeItsCustomerInOneFile() {
        String run = unique();
        StringBuilder file = new StringBuilder();
        file.append(contact(run + "-c1", run + "-late")).append('\n');
        file.append(contact(run + "-c2", run + "-early")).append('\n');
        file.append("{\"type\":\"customer\",").append(customer(run + "-early", run + "-early").substring(1)).append('\n');
        // More than a batch (500 rows) between the first contact and its customer: it waits as pending.
        for (int i = 0; i < 600; i++) {
            file.append("{\"type\":\"resource\",\"externalId\":\"").append(run).append("-r").append(i)
                    .append("\",\"name\":\"").append(run).append("-r").append(i).append("\",\"category\":\"OLT\"}\n");
        }
        file.append("{\"type\":\"customer\",").append(customer(run + "-late", run + "-late").substring(1)).append('\n');
        file.append(contact(run + "-c3", run + "-never")).append('\n');
        file.append("{\"type\":\"service\",\"externalId\":\"").append(run).append("-s\",\"customerExternalId\":\"").append(run)
                .append("-late\",\"name\":\"Fibre\",\"category\":\"FIBRE\"}\n");
        file.append("{\"type\":\"link\",\"serviceExternalId\":\"").append(run).append("-s\",\"resourceExternalId\":\"").append(run)
                .append("-r7\"}\n");
        JsonPath summary = importFile("", "application/x-ndjson", file.toString());
        assertEquals(Map.of("rowsRead", 607, "created", 605, "updated", 1, "unchanged", 0, "failed", 1), counts(summary));
        assertEquals(List.of(605), summary.getList("errors.line"));
        assertEquals(List.of("NOT_FOUND"), summary.getList("errors.code"));
        assertEquals(Map.of("late", 1L, "early", 1L), Sql.rows(ds, """
                select substring(cu.external_id from '[a-z]+$') as name, count(*) as n from contact co join customer cu on cu.id = co.customer_id
                where co.external_id like ? group by 1""", run + "-%").stream()
                .collect(Collectors.toMap(r -> (String) r.get("name"), r -> ((Number) r.get("n")).longValue())));
        assertEquals(1, Sql.count(ds, """
                select count(*) from service_resource sr join service s on s.id = sr.service_id join resource r on r.id = sr.resource_id
                where s.external_id = ? and r.external_id = ?""", run + "-s", run + "-r7"));
    }

    @Test
    void unlinksAndDeactivationsLoadAndARerunChangesNothing() {
        String run = unique();
        String setup = String.join("\n",
                "{\"type\":\"customer\"," + customer(run, run).substring(1),
                contact(run + "-c", run),
                "{\"type\":\"service\",\"externalId\":\"" + run + "-s\",\"customerExternalId\":\"" + run + "\",\"name\":\"Fibre\",\"category\":\"FIBRE\"}",
                "{\"type\":\"resource\",\"externalId\":\"" + run + "-r\",\"name\":\"" + run + "-r\",\"category\":\"OLT\"}",
                "{\"type\":\"link\",\"serviceExternalId\":\"" + run + "-s\",\"resourceExternalId\":\"" + run + "-r\"}");
        assertEquals(Map.of("rowsRead", 5, "created", 4, "updated", 1, "unchanged", 0, "failed", 0), counts(importFile("", "application/x-ndjson", setup)));
        String changes = String.join("\n",
                "{\"type\":\"unlink\",\"serviceExternalId\":\"" + run + "-s\",\"resourceExternalId\":\"" + run + "-r\"}",
                "{\"type\":\"contact_deactivation\",\"externalId\":\"" + run + "-c\"}",
                "{\"type\":\"customer_deactivation\",\"externalId\":\"" + run + "\"}",
                "{\"type\":\"unlink\",\"serviceExternalId\":\"" + run + "-s\",\"resourceExternalId\":\"" + run + "-missing\"}",
                "{\"type\":\"customer_deactivation\",\"externalId\":\"" + run + "-missing\"}");
        JsonPath first = importFile("", "application/x-ndjson", changes);
        assertEquals(Map.of("rowsRead", 5, "created", 0, "updated", 3, "unchanged", 0, "failed", 2), counts(first));
        assertEquals(List.of(4, 5), first.getList("errors.line"));
        assertEquals(List.of("NOT_FOUND", "NOT_FOUND"), first.getList("errors.code"));
        assertEquals(0, Sql.count(ds, "select count(*) from service_resource sr join service s on s.id = sr.service_id where s.external_id = ?",
                run + "-s"));
        assertEquals("INACTIVE", Sql.row(ds, "select status from customer where external_id = ?", run).get("status"));
        assertEquals("INACTIVE", Sql.row(ds, "select status from contact where external_id = ?", run + "-c").get("status"));

        long events = Sql.count(ds, "select count(*) from outbox_event");
        JsonPath second = importFile("", "application/x-ndjson", changes);
        assertEquals(Map.of("rowsRead", 5, "created", 0, "updated", 0, "unchanged", 3, "failed", 2), counts(second));
        assertEquals(events, Sql.count(ds, "select count(*) from outbox_event"), "a re-run wrote events");
        // One file per type works as well.
        JsonPath byPath = importFile("customer_deactivations", "text/csv", "externalId\n" + run + "\n");
        assertEquals(Map.of("rowsRead", 1, "created", 0, "updated", 0, "unchanged", 1, "failed", 0), counts(byPath));
    }

    @Test
    void contactsLoadFromCsv() {
        String run = unique();
        importFile("customers", "text/csv", "externalId,accountNumber,name,segment,creditRating\n"
                + run + "," + run + ",\"Acme, Inc.\",SMALL_BUSINESS,650\n");
        JsonPath summary = importFile("contacts", "text/csv", "externalId,customerExternalId,name,role,email,phone,language\r\n"
                + run + "-1," + run + ",\"Ann \"\"The Admin\"\" Lee\",IT,ann@example.com,+41 44 123 45 67,de-CH\r\n"
                + run + "-2," + run + ",Bob,Billing,not-an-email,,\r\n");
        assertEquals(Map.of("rowsRead", 2, "created", 1, "updated", 0, "unchanged", 0, "failed", 1), counts(summary));
        assertEquals(List.of(3), summary.getList("errors.line"));
        assertEquals(List.of("email"), summary.getList("errors.field"));
        assertEquals("Ann \"The Admin\" Lee", Sql.row(ds, "select name from contact where external_id = ?", run + "-1").get("name"));
        assertEquals("Acme, Inc.", Sql.row(ds, "select name from customer where external_id = ?", run).get("name"));
    }

    @Test
    void onlySystemsOfRecordAndAdminsImport() {
        String line = customer(unique(), unique());
        given().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/import/customers").then().statusCode(401);
        for (String token : List.of(Tokens.agent(), Tokens.sre(), Tokens.customer(1))) {
            given().auth().oauth2(token).contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/import/customers").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.admin()).contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/import/customers").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(line.getBytes(StandardCharsets.UTF_8)).post("/import/customers").then().statusCode(415);
        given().auth().oauth2(Tokens.admin()).contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/import/tickets").then().statusCode(404);
    }

    private static JsonPath importFile(String type, String contentType, String body) {
        return given().auth().oauth2(Tokens.integration()).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(type.isEmpty() ? "/import" : "/import/" + type).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> counts(JsonPath summary) {
        return Map.of("rowsRead", summary.getInt("rowsRead"), "created", summary.getInt("created"), "updated", summary.getInt("updated"),
                "unchanged", summary.getInt("unchanged"), "failed", summary.getInt("failed"));
    }

    private String versions(String run) {
        return Sql.rows(ds, "select string_agg(version::text || updated_at::text, ',' order by id) as v from customer where external_id like ?",
                run + "-%").getFirst().get("v").toString();
    }

    /** Each row's transaction id and version (a write changes the first), in external id order. */
    private String rowVersions(String run) {
        return Sql.rows(ds, "select string_agg(xmin::text || ':' || version, ',' order by external_id) as v from customer where external_id like ?",
                run + "-%").getFirst().get("v").toString();
    }

    private static String customer(String externalId, String accountNumber) {
        return "{\"externalId\":\"" + externalId + "\",\"accountNumber\":\"" + accountNumber
                + "\",\"name\":\"Customer " + externalId + "\",\"segment\":\"ENTERPRISE\",\"creditRating\":700}";
    }

    private static String contact(String externalId, String customerExternalId) {
        return "{\"type\":\"contact\",\"externalId\":\"" + externalId + "\",\"customerExternalId\":\"" + customerExternalId
                + "\",\"name\":\"Ann\",\"role\":\"IT\"}";
    }
}
