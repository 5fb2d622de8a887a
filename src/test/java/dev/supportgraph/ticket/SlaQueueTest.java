package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.sla.SlaDueTimes;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.TestClock;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queues by SLA: the SLA job stores each changed ticket's resolution clock, and the lists filter
 * by its state and order by its due time with exact keyset pages. The reports' histories are
 * written with SQL relative to a fixed "now" (ENTERPRISE HIGH: 8 h to resolve, at risk 30 min before).
 */
@QuarkusTest
class SlaQueueTest {

    private static final String PAGE = """
            query($f: ProblemReportFilter, $o: TicketOrder, $first: Int, $after: String, $last: Int, $before: String) {
              problemReports(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
                edges { node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaDueTimes dueTimes;

    private Instant now;
    private long customer;
    private long group;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void queuesFilterBySlaStateAndPageInDueOrder() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        customer = Fixtures.customer(ds, 700);
        group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "SLA-" + UUID.randomUUID());
        long breached = report("breached", "ACKNOWLEDGED", 540);
        report("at risk", "ACKNOWLEDGED", 470);
        report("on track", "ACKNOWLEDGED", 120);
        report("paused", "PENDING", 60, "IN_PROGRESS", 50, "PENDING", 40);
        report("tie", "ACKNOWLEDGED", 120);
        report("stopped", "RESOLVED", 180, "IN_PROGRESS", 120, "RESOLVED", 60);
        report("paused late", "PENDING", 600, "IN_PROGRESS", 600, "PENDING", 60);
        dueTimes.refresh();

        assertEquals(now.minus(Duration.ofHours(1)), ((Timestamp) Sql.row(ds, "select resolution_due_at from problem_report where id = ?",
                breached).get("resolution_due_at")).toInstant());
        String sla = GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + GlobalId.encode("ProblemReport", breached)
                + "\") { ... on ProblemReport { sla { resolutionDueAt } } } }").extract().jsonPath().getString("data.node.sla.resolutionDueAt");
        assertEquals(now.minus(Duration.ofHours(1)), OffsetDateTime.parse(sla).toInstant(), "the stored due time is the clock's");

        List<String> ascending = List.of("breached", "at risk", "on track", "tie", "paused", "stopped", "paused late");
        assertEquals(ascending, walk(byCustomer(), "ASC", 2));
        assertEquals(ascending.reversed(), walk(byCustomer(), "DESC", 3));
        assertEquals(ascending, walkBack(byCustomer(), "ASC", 2));
        assertEquals(ascending, walk(queue(List.of()), "ASC", 2), "the same through the engine's path");

        assertEquals(List.of("breached", "paused late"), walk(queue(List.of("BREACHED")), "ASC", 10));
        assertEquals(List.of("at risk"), walk(queue(List.of("AT_RISK")), "ASC", 10));
        assertEquals(List.of("on track", "tie"), walk(queue(List.of("ON_TRACK")), "ASC", 10));
        assertEquals(List.of("paused", "paused late"), walk(queue(List.of("PAUSED")), "ASC", 10));
        assertEquals(List.of("breached", "at risk", "paused late"), walk(queue(List.of("AT_RISK", "BREACHED")), "ASC", 10));

        // Twenty minutes on, the at-risk report is breached: a running clock breaches by time alone.
        clock.set(now.plus(Duration.ofMinutes(20)));
        assertEquals(List.of("breached", "at risk", "paused late"), walk(queue(List.of("BREACHED")), "ASC", 10));
        assertEquals(List.of(), walk(queue(List.of("AT_RISK")), "ASC", 10));
        clock.set(now);

        // A change moves the version: the next run of the job stores the paused clock.
        String onTrack = GlobalId.encode("ProblemReport", Sql.count(ds, "select id from problem_report where customer_id = ? and title = 'on track'", customer));
        JsonPath started = GraphQLClient.mutate(Tokens.agent(), "problemReportTransition", "{id: \"" + onTrack
                + "\", expectedVersion: 0, to: IN_PROGRESS}", "problemReport { version }");
        GraphQLClient.mutate(Tokens.agent(), "problemReportTransition", "{id: \"" + onTrack + "\", expectedVersion: "
                + started.getInt("problemReport.version") + ", to: PENDING}", "problemReport { version }");
        assertEquals(1, dueTimes.refresh(), "only the changed report is written again");
        assertEquals(List.of("on track", "paused", "paused late"), walk(queue(List.of("PAUSED")), "ASC", 10));
        assertEquals(0, dueTimes.refresh());

        assertEquals(List.of(), walk(Tokens.customer(customer), queue(List.of("BREACHED")), "ASC", 10), "queues are internal");
    }

    @Test
    void aPolicyWithBusinessHoursCountsOnlyWorkingTime() {
        // ENTERPRISE LOW (8 h to respond, 72 h to resolve) in Zurich office hours, Easter Monday off; DST starts on 31 March 2030.
        Sql.exec(ds, "update sla_policy set business_time_zone = 'Europe/Zurich', business_days = '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', "
                + "business_opens = '09:00', business_closes = '17:00', business_holidays = '{2030-04-01}' where segment = 'ENTERPRISE' and priority = 'LOW'");
        try {
            now = OffsetDateTime.parse("2030-03-29T16:30+01:00").toInstant();
            clock.set(now);
            customer = Fixtures.customer(ds, 700);
            group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "BH-" + UUID.randomUUID());
            long id = report("office", "ACKNOWLEDGED", 30);
            Sql.exec(ds, "update problem_report set priority = 'LOW' where id = ?", id);
            JsonPath sla = GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + GlobalId.encode("ProblemReport", id) + "\") { ... on ProblemReport { sla {"
                    + " responseDueAt resolutionDueAt elapsedSeconds policy { businessHours { timeZone workingDays opens closes holidays } } } } } }")
                    .statusCode(200).extract().jsonPath().setRootPath("data.node.sla");
            assertEquals(1800, sla.getInt("elapsedSeconds"), "half an hour of Friday's office hours");
            // 1 h on Friday, Monday off, 7 h on Tuesday (CEST by then).
            assertEquals(OffsetDateTime.parse("2030-04-02T16:00+02:00").toInstant(), OffsetDateTime.parse(sla.getString("responseDueAt")).toInstant());
            // 1 h on Friday, eight working days, 7 h on Friday 12 April.
            Instant due = OffsetDateTime.parse("2030-04-12T16:00+02:00").toInstant();
            assertEquals(due, OffsetDateTime.parse(sla.getString("resolutionDueAt")).toInstant());
            assertEquals(Map.of("timeZone", "Europe/Zurich", "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                    "opens", "09:00", "closes", "17:00", "holidays", List.of("2030-04-01")), sla.getMap("policy.businessHours"));
            dueTimes.refresh();
            assertEquals(due, ((Timestamp) Sql.row(ds, "select resolution_due_at from problem_report where id = ?", id).get("resolution_due_at")).toInstant());
        } finally {
            Sql.exec(ds, "update sla_policy set business_time_zone = null, business_days = null, business_opens = null, business_closes = null, "
                    + "business_holidays = '{}' where segment = 'ENTERPRISE' and priority = 'LOW'");
        }
    }

    @Test
    void theFirstPublicStaffNoteIsTheFirstResponse() {
        long owner = Fixtures.customer(ds, 700);
        String report = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", owner)
                + "\", title: \"Answer me\", severity: MINOR, priority: HIGH}", "problemReport { id }").getString("problemReport.id");
        note(Tokens.customer(owner), report, "PUBLIC");
        note(Tokens.agent(), report, "INTERNAL");
        assertEquals(null, respondedAt(report), "neither the customer's note nor an internal one answers the customer");
        String answered = note(Tokens.agent(), report, "PUBLIC");
        assertEquals(OffsetDateTime.parse(answered).toInstant().truncatedTo(ChronoUnit.MILLIS),
                OffsetDateTime.parse(respondedAt(report)).toInstant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String note(String token, String report, String visibility) {
        JsonPath payload = GraphQLClient.mutate(token, "problemReportAddNote", "{id: \"" + report + "\", visibility: " + visibility
                + ", body: \"About it\"}", "note { createdAt }");
        assertEquals(List.of(), payload.getList("userErrors"));
        return payload.getString("note.createdAt");
    }

    private static String respondedAt(String report) {
        return GraphQLClient.post(Tokens.agent(), "{ node(id: \"" + report + "\") { ... on ProblemReport { sla { respondedAt } } } }")
                .statusCode(200).extract().jsonPath().getString("data.node.sla.respondedAt");
    }

    /** A report of the test's customer and group, ENTERPRISE HIGH, in {@code status}; its history as (status, minutes before now) pairs after its creation. */
    private long report(String title, String status, int createdMinutesAgo, Object... history) {
        OffsetDateTime created = at(createdMinutesAgo);
        long id = Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status, work_group_id, created_at) "
                + "values (?, ?, 'MAJOR', 'HIGH', 'AGENT', ?, ?, ?) returning id", customer, title, status, group, created);
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, to_status, actor, changed_at) values (?, ?, 'ACKNOWLEDGED', 'test', ?)",
                id, customer, created);
        for (int i = 0; i < history.length; i += 2) {
            Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, to_status, actor, changed_at) values (?, ?, ?, 'test', ?)",
                    id, customer, history[i], at((Integer) history[i + 1]));
        }
        return id;
    }

    private OffsetDateTime at(int minutesAgo) {
        return OffsetDateTime.ofInstant(now.minus(Duration.ofMinutes(minutesAgo)), ZoneOffset.UTC);
    }

    private Map<String, Object> byCustomer() {
        return Map.of("customerId", GlobalId.encode("Customer", customer));
    }

    private Map<String, Object> queue(List<String> states) {
        return Map.of("queue", Map.of("workGroupId", GlobalId.encode("WorkGroup", group), "slaState", states));
    }

    private List<String> walk(Map<String, Object> filter, String direction, int size) {
        return walk(Tokens.agent(), filter, direction, size);
    }

    /** All titles, page by page forward. */
    private List<String> walk(String token, Map<String, Object> filter, String direction, int size) {
        List<String> titles = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("f", filter, "o", Map.of("field", "SLA_DUE", "direction", direction), "first", size));
            variables.put("after", after);
            JsonPath page = GraphQLClient.post(token, PAGE, variables).statusCode(200).extract().jsonPath().setRootPath("data.problemReports");
            titles.addAll(page.getList("edges.node.title"));
            more = page.getBoolean("pageInfo.hasNextPage");
            after = page.getString("pageInfo.endCursor");
            assertTrue(titles.size() <= 20, "the walk ends");
        }
        return titles;
    }

    /** All titles, page by page backward from the end. */
    private List<String> walkBack(Map<String, Object> filter, String direction, int size) {
        List<String> titles = new ArrayList<>();
        String before = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("f", filter, "o", Map.of("field", "SLA_DUE", "direction", direction), "last", size));
            variables.put("before", before);
            JsonPath page = GraphQLClient.post(Tokens.agent(), PAGE, variables).statusCode(200).extract().jsonPath().setRootPath("data.problemReports");
            titles.addAll(0, page.getList("edges.node.title"));
            more = page.getBoolean("pageInfo.hasPreviousPage");
            before = page.getString("pageInfo.startCursor");
            assertTrue(titles.size() <= 20, "the walk ends");
        }
        return titles;
    }
}
