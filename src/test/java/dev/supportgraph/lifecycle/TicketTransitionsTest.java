package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import dev.supportgraph.ticket.TicketStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Walks every (from, to) pair of the three ticket lifecycles through the real transition
 * mutations, with the expected pairs transcribed from docs/design.md ("State machines").
 */
@QuarkusTest
class TicketTransitionsTest {

    static final String TMF621 = """
            ACKNOWLEDGED>IN_PROGRESS ACKNOWLEDGED>REJECTED ACKNOWLEDGED>CANCELLED
            IN_PROGRESS>PENDING PENDING>IN_PROGRESS IN_PROGRESS>HELD HELD>IN_PROGRESS
            PENDING>CANCELLED IN_PROGRESS>CANCELLED IN_PROGRESS>RESOLVED RESOLVED>CLOSED RESOLVED>IN_PROGRESS""";
    static final Set<String> PROBLEM_REPORT = TransitionWalk.expected(TMF621);
    static final Set<String> SERVICE_TROUBLE = TransitionWalk.expected(TMF621
            + " PENDING>RESOLVED HELD>RESOLVED HELD>CANCELLED CLOSED>IN_PROGRESS");

    @Inject
    DataSource ds;

    static Stream<Arguments> pairs() {
        return TransitionWalk.pairs(TicketStatus.values());
    }

    @ParameterizedTest(name = "ProblemReport {0} -> {1}")
    @MethodSource("pairs")
    void problemReport(TicketStatus from, TicketStatus to) {
        long customer = Fixtures.customer(ds, 700);
        long id = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status, version, updated_at)
                values (?, 'walk', 'MINOR', 'LOW', 'PHONE', ?, 3, timestamptz '2020-01-01 00:00Z') returning id""",
                customer, from.name());
        walk(Tokens.agent(), "problemReport", "ProblemReport", "problem_report", "problem_report_id", PROBLEM_REPORT, id, from, to);
    }

    @ParameterizedTest(name = "ServiceTrouble {0} -> {1}")
    @MethodSource("pairs")
    void serviceTrouble(TicketStatus from, TicketStatus to) {
        long id = Sql.exec(ds, """
                insert into service_trouble (title, severity, priority, impact, urgency, status, version, updated_at)
                values ('walk', 'MINOR', 'LOW', 'MINOR', 'LOW', ?, 3, timestamptz '2020-01-01 00:00Z') returning id""",
                from.name());
        walk(Tokens.sre(), "serviceTrouble", "ServiceTrouble", "service_trouble", "service_trouble_id", SERVICE_TROUBLE, id, from, to);
    }

    @ParameterizedTest(name = "ResourceTrouble {0} -> {1}")
    @MethodSource("pairs")
    void resourceTrouble(TicketStatus from, TicketStatus to) {
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'router') returning id", "rt-" + UUID.randomUUID());
        long id = Sql.exec(ds, """
                insert into resource_trouble (title, resource_id, severity, priority, perceived_severity, status, version, updated_at)
                values ('walk', ?, 'MINOR', 'LOW', 'MINOR', ?, 3, timestamptz '2020-01-01 00:00Z') returning id""",
                resource, from.name());
        // Resource troubles follow the TMF656 table (see TicketLifecycles.RESOURCE_TROUBLE).
        walk(Tokens.sre(), "resourceTrouble", "ResourceTrouble", "resource_trouble", "resource_trouble_id", SERVICE_TROUBLE, id, from, to);
    }

    private void walk(String token, String object, String type, String table, String historyColumn, Set<String> allowed,
                      long id, TicketStatus from, TicketStatus to) {
        JsonPath result = TransitionWalk.mutate(token, object + "Transition", "{id: \"" + GlobalId.encode(type, id)
                + "\", expectedVersion: 3, to: " + to + ", reason: \"walk\", resolution: \"fixed\"}", object + " { id status version }");
        TransitionWalk.verify(ds, allowed.contains(from + ">" + to), result, object, "status", table, "status",
                historyColumn, id, from.name(), to.name());
    }
}
