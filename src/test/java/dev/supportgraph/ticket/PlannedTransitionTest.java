package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planned status change (PlannedTransitions) against the service's (the engine, asked with
 * the reference header): twin tickets, one moved through each, take the same random requests
 * (allowed and refused moves, stale versions, portal users of the right and the wrong customer,
 * callers without the role, unknown ids, blank resolutions) and must end with the same answers,
 * history, events and rows. The planned one is a single statement on the reactive pool.
 */
@QuarkusTest
class PlannedTransitionTest {

    private static final String DOCUMENT = """
            mutation Transition($input: TicketTransitionInput!) { %s(input: $input) {
              __typename %s { id status version number __typename } userErrors { field message code } } }""";

    /** Due times in each of the forms OffsetDateTime.toString() writes (minutes, seconds, millis, micros). */
    private static final List<String> DUE_TIMES = List.of("2026-03-01 10:00:00+00", "2026-03-01 10:00:05+00",
            "2026-03-01 10:00:05.120+00", "2026-03-01 10:00:05.123456+00");

    @Inject
    DataSource ds;

    @Inject
    SqlStatements statements;

    @Inject
    MeterRegistry registry;

    /** One ticket of a kind twice: {@code planned} moved by the planned path, {@code reference} by the engine. */
    private record Twin(TicketKind kind, long planned, long reference, Long customer) {

        String field() {
            return Character.toLowerCase(kind.nodeType.charAt(0)) + kind.nodeType.substring(1);
        }

        String document() {
            return DOCUMENT.formatted(field() + "Transition", field());
        }
    }

    @Test
    void randomRequestsAnswerAndChangeAsTheServiceDoes() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long customer = Fixtures.customer(ds, 700);
        long otherCustomer = Fixtures.customer(ds, 700);
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'router') returning id", "r-" + UUID.randomUUID());
        long group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "Planned " + UUID.randomUUID());
        long agent = Sql.exec(ds, "insert into agent (subject, name) values (?, 'Ada') returning id", "ada-" + UUID.randomUUID());
        long category = Sql.exec(ds, "insert into ticket_category (code, name) values (?, 'Planned') returning id",
                "PLANNED-" + UUID.randomUUID());

        List<Twin> twins = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            twins.add(new Twin(TicketKind.PROBLEM_REPORT, report(customer), report(customer), customer));
            twins.add(new Twin(TicketKind.SERVICE_TROUBLE, serviceTrouble(), serviceTrouble(), null));
            twins.add(new Twin(TicketKind.RESOURCE_TROUBLE, resourceTrouble(resource), resourceTrouble(resource), null));
        }
        int expectedPlanned = 0;
        double plannedBefore = planned();
        for (int t = 0; t < twins.size(); t++) {
            Twin twin = twins.get(t);
            // A queue state in both (the events carry it), with each form of due time.
            Sql.exec(ds, "update " + twin.kind().table + " set work_group_id = ?, assignee_id = ?, category_id = ?,"
                            + " resolution_clock = 'RUNNING', resolution_due_at = cast(? as timestamptz), resolution_breached = ?"
                            + " where id in (?, ?)", t % 3 == 0 ? null : group, t % 2 == 0 ? agent : null, category,
                    DUE_TIMES.get(t % DUE_TIMES.size()), t % 2 == 1, twin.planned(), twin.reference());
            for (int step = 0; step < 25; step++) {
                TicketStatus to = TicketStatus.values()[random.nextInt(TicketStatus.values().length)];
                String token = token(twin, random, customer, otherCustomer);
                int version = (int) Sql.count(ds, "select version from " + twin.kind().table + " where id = ?", twin.planned());
                int expected = random.nextInt(8) == 0 ? version + random.nextInt(3) - 1 : version;
                boolean unknown = random.nextInt(20) == 0;
                Map<String, Object> input = new HashMap<>();
                input.put("expectedVersion", expected);
                input.put("to", to.name());
                if (random.nextBoolean()) {
                    input.put("reason", "Step " + step + " – grüße");
                }
                if (to == TicketStatus.RESOLVED) {
                    int kind = random.nextInt(10);
                    input.put("resolution", kind == 0 ? "   " : kind == 1 ? null : " Fixed at step " + step + " ");
                }
                String context = "seed " + seed + ", " + twin + ", step " + step + ", " + input;
                String planned = answer(twin, unknown ? 999_999_999L : twin.planned(), input, token, false);
                String reference = answer(twin, unknown ? 999_999_999L : twin.reference(), input, token, true);
                // Ids and numbers end where their JSON strings do.
                assertEquals(reference, planned.replace(gid(twin, twin.planned()) + "\"", gid(twin, twin.reference()) + "\"")
                        .replace(number(twin, twin.planned()) + "\"", number(twin, twin.reference()) + "\""), context);
                JsonObject payload = new JsonObject(planned).getJsonObject("data").getJsonObject(twin.field() + "Transition");
                if (payload.getJsonArray("userErrors").isEmpty()
                        && !(twin.kind() == TicketKind.RESOURCE_TROUBLE && to == TicketStatus.RESOLVED)) {
                    expectedPlanned++;
                }
            }
            assertEquals(rows(twin, twin.reference()), rows(twin, twin.planned()), "ticket rows, seed " + seed);
            assertEquals(history(twin, twin.reference()), history(twin, twin.planned()), "status_change rows, seed " + seed);
            assertEquals(events(twin, twin.reference()), events(twin, twin.planned()), "outbox rows, seed " + seed);
        }
        assertTrue(expectedPlanned > 0, "seed " + seed);
        assertEquals(plannedBefore + expectedPlanned, planned(), "every change the planned path could take, it took; seed " + seed);
    }

    @Test
    void aStatusChangeIsOneStatementOnThePoolAndNoneThroughHibernate() {
        long customer = Fixtures.customer(ds, 700);
        Twin twin = new Twin(TicketKind.PROBLEM_REPORT, report(customer), report(customer), customer);
        int version = 0;
        for (String to : List.of("IN_PROGRESS", "HELD", "IN_PROGRESS")) {
            double before = planned();
            int expected = version;
            SqlStatements.Counted<String> counted = statements.count(() -> answer(twin, twin.planned(),
                    Map.of("expectedVersion", expected, "to", to), Tokens.agent(), false));
            assertEquals(before + 1, planned(), "answered by the planned statement: " + counted.result());
            assertEquals(0, counted.statements(), "no statement through Hibernate");
            assertEquals(0, counted.transactions(), "no JTA transaction (BEGIN/COMMIT)");
            assertTrue(counted.result().contains("\"version\":" + (expected + 1)), counted.result());
            version = expected + 1;
        }
        // A refused change goes to the service, which says why.
        String stale = answer(twin, twin.planned(), Map.of("expectedVersion", 1, "to", "HELD"), Tokens.agent(), false);
        assertTrue(stale.contains("STALE_OBJECT"), stale);
    }

    private double planned() {
        return registry.get("supportgraph.graphql.compiled.mutation").timer().count();
    }

    private static String token(Twin twin, Random random, long customer, long otherCustomer) {
        int pick = random.nextInt(20);
        if (twin.kind() == TicketKind.PROBLEM_REPORT) {
            return pick < 11 ? Tokens.agent() : pick < 17 ? Tokens.customer(customer) : pick < 19 ? Tokens.customer(otherCustomer) : Tokens.sre();
        }
        return pick < 17 ? (pick % 2 == 0 ? Tokens.sre() : Tokens.admin()) : pick < 19 ? Tokens.agent() : Tokens.customer(customer);
    }

    private static String answer(Twin twin, long id, Map<String, Object> input, String token, boolean reference) {
        Map<String, Object> withId = new HashMap<>(input);
        withId.put("id", gid(twin, id));
        Map<String, Object> variables = Map.of("input", withId);
        return GraphQLClient.compact((reference ? GraphQLClient.reference(token,
                "application/json", twin.document(), variables) : GraphQLClient.post(token, twin.document(), variables))
                .statusCode(200).extract().asString());
    }

    private static String gid(Twin twin, long id) {
        return GlobalId.encode(twin.kind().nodeType, id);
    }

    private String number(Twin twin, long id) {
        return (String) Sql.row(ds, "select number from " + twin.kind().table + " where id = ?", id).get("number");
    }

    private long report(long customer) {
        return GlobalId.decode(GraphQLClient.mutateOk(Tokens.agent(), "problemReportCreate", "{customerId: \""
                + GlobalId.encode("Customer", customer) + "\", title: \"Planned\", severity: MINOR, priority: LOW}",
                "problemReport { id }").getString("problemReport.id")).id();
    }

    private long serviceTrouble() {
        return GlobalId.decode(GraphQLClient.mutateOk(Tokens.sre(), "serviceTroubleCreate",
                "{title: \"Planned\", severity: MINOR, priority: LOW, impact: MODERATE, urgency: LOW}",
                "serviceTrouble { id }").getString("serviceTrouble.id")).id();
    }

    private long resourceTrouble(long resource) {
        return GlobalId.decode(GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleCreate", "{title: \"Planned\", resourceId: \""
                + GlobalId.encode("Resource", resource) + "\", severity: MINOR, priority: LOW, perceivedSeverity: MINOR}",
                "resourceTrouble { id }").getString("resourceTrouble.id")).id();
    }

    /** The ticket's row as the change leaves it; times by whether they are set, and moved when it changed. */
    private Map<String, Object> rows(Twin twin, long id) {
        return Sql.row(ds, "select status, version, resolution, resolved_at is not null as resolved, closed_at is not null as closed,"
                + " (resolved_at is null or resolved_at <= updated_at) as resolved_by_change,"
                + " (closed_at is null or closed_at <= updated_at) as closed_by_change, " + TicketQueueState.columns("t")
                + " from " + twin.kind().table + " t where id = ?", id);
    }

    private List<Map<String, Object>> history(Twin twin, long id) {
        return Sql.rows(ds, "select from_status, to_status, reason, actor, customer_id from status_change where "
                + twin.kind().table + "_id = ? order by id", id);
    }

    /** The ticket's events, its number in their payloads as the twin's and their times checked and left out. */
    private List<Map<String, Object>> events(Twin twin, long id) {
        String number = number(twin, id);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> row : Sql.rows(ds, "select type, aggregate, customer_id, payload::text as payload from outbox_event"
                + " where aggregate = ? and aggregate_id = ? order by id", twin.kind().name(), id)) {
            JsonObject payload = new JsonObject((String) row.get("payload"));
            assertNotNull(OffsetDateTime.parse(payload.getString("at")));
            payload.remove("at");
            if (number.equals(payload.getString("number"))) {
                payload.put("number", "(the ticket's)");
            }
            Map<String, Object> event = new HashMap<>(row);
            event.put("payload", payload.getMap());
            events.add(event);
        }
        return events;
    }
}
