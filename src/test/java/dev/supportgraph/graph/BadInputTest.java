package dev.supportgraph.graph;

import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input of any kind is a client error with a code (BAD_USER_INPUT naming the field, or
 * INVALID_CURSOR), never INTERNAL, and leaves no stack trace or SQL in the log: NUL bytes that
 * PostgreSQL cannot store, Ints beyond 32 bits that used to wrap around, text beyond its limit.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    DataSource dataSource;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void nothingAlarmingWasLogged() {
        Logger.getLogger("").removeHandler(capture);
        synchronized (logged) {
            for (LogRecord record : logged) {
                assertEquals(null, record.getThrown(), () -> "logged with a stack trace: " + record.getMessage());
                String message = String.valueOf(record.getMessage());
                assertEquals(false, message.contains("SQL") || message.contains("select "), () -> "logged SQL: " + message);
            }
        }
    }

    @Test
    void nulBytesInFiltersAreBadUserInput() {
        GraphQLClient.post(Tokens.agent(), "query($s: String) { customers(filter: { search: $s }) { totalCount } }",
                        Map.of("s", "a\u0000b"))
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("s"));
        GraphQLClient.post(Tokens.agent(), "{ problemReports(filter: { search: \"a\\u0000b\" }) { totalCount } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("problemReports", "filter", "search"));
    }

    @Test
    void nulBytesInNotesAreBadUserInput() {
        GraphQLClient.post(Tokens.agent(), "mutation($input: TicketNoteInput!) { problemReportAddNote(input: $input) { "
                        + "userErrors { code } } }",
                        Map.of("input", Map.of("id", GlobalId.encode("ProblemReport", 1), "body", "note\u0000", "visibility", "PUBLIC")))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("input", "body"));
    }

    @Test
    void cursorsWithNulBytesOrGarbageAreInvalidCursors() {
        Fixtures.customer(dataSource, 700);
        String cursor = GraphQLClient.post(Tokens.agent(),
                        "{ customers(first: 1, orderBy: { field: NAME, direction: ASC }) { edges { cursor } } }")
                .statusCode(200).extract().path("data.customers.edges[0].cursor");
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String withNul = Base64.getUrlEncoder().withoutPadding().encodeToString(
                raw.replaceFirst("\u001f", "\u001fa\u0000").getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[]{withNul, "!!!not-a-cursor", Base64.getUrlEncoder().encodeToString(new byte[]{-1, -2, 0})}) {
            GraphQLClient.post(Tokens.agent(), "query($c: String) { customers(first: 1, after: $c, orderBy: { field: NAME, "
                            + "direction: ASC }) { totalCount } }", Map.of("c", bad))
                    .statusCode(200)
                    .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
        }
    }

    /** 4294967396 is 2^32 + 100: it used to be read as first: 100. */
    @Test
    void intsBeyondThirtyTwoBitsAreBadUserInputNotWrappedAround() {
        GraphQLClient.post(Tokens.agent(), "query($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", 4_294_967_396L))
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("n"));
        GraphQLClient.post(Tokens.agent(), "{ customers(first: 4294967396) { totalCount } }")
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void datesOutsideTheYearsAndReversedRangesAreBadUserInput() {
        for (Map<String, Object> filter : List.<Map<String, Object>>of(
                Map.of("createdFrom", "2026-02-01T00:00:00Z", "createdTo", "2026-01-01T00:00:00Z"),
                Map.of("createdFrom", "0001-01-01T00:00:00Z"),
                Map.of("updatedTo", "+10000-01-01T00:00:00Z"),
                Map.of("createdTo", "-0001-01-01T00:00:00Z"))) {
            GraphQLClient.post(Tokens.agent(), "query($f: OrderFilter) { orders(filter: $f) { totalCount } }", Map.of("f", filter))
                    .statusCode(200)
                    .body("data", equalTo(null))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].extensions.field[0]", equalTo("f"));
        }
        GraphQLClient.post(Tokens.agent(), "{ invoices(filter: { billDateFrom: \"2026-03-02\", billDateTo: \"2026-03-01\" }) { totalCount } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("invoices", "filter", "billDateFrom"));
        GraphQLClient.post(Tokens.agent(), "{ orders(filter: { createdFrom: \"2026-01-01T00:00:00Z\", createdTo: \"2026-02-01T00:00:00Z\" }) { totalCount } }")
                .statusCode(200)
                .body("errors", equalTo(null));
    }

    /** A null inside a list names nothing: refused with the item's path, written in the document or sent as a variable. */
    @Test
    void nullListItemsAreBadUserInput() {
        GraphQLClient.post(Tokens.agent(), "{ problemReports(filter: { status: [OPEN, null] }) { totalCount } }")
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("problemReports", "filter", "status", "1"));
        List<Object> segments = new ArrayList<>();
        segments.add(null);
        GraphQLClient.post(Tokens.agent(), "query($s: [CustomerSegment]) { customers(filter: { segment: $s }) { totalCount } }",
                        Map.of("s", segments))
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("s", "0"));
    }

    @Test
    void textBeyondItsLimitIsBadUserInputNamingTheField() {
        Map<String, Object> input = Map.of("title", "Too long", "priority", "MEDIUM", "severity", "MINOR",
                "description", "d".repeat(10_001));
        GraphQLClient.post(Tokens.agent(), "mutation($input: ProblemReportCreateInput!) { problemReportCreate(input: $input) { "
                        + "problemReport { id } userErrors { code } } }", Map.of("input", input))
                .statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", contains("input", "description"));
    }
}
