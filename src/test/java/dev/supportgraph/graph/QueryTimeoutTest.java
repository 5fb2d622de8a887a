package dev.supportgraph.graph;

import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A genuinely slow query against the strict profile's tiny execution budget is cut off with
 * QUERY_TOO_COMPLEX/timeout instead of running on, and the next query is served: on the engine
 * (100 customers with 10 contacts each, walked back and forth until it would return 100,000
 * contacts: the planner answers that one in time), and as one planned statement (stuck behind a
 * table lock), which is answered at the deadline, not handed to the engine to wait as long again.
 */
@QuarkusTest
@TestProfile(StrictProfile.class)
class QueryTimeoutTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSlowQueryIsCutOffAndTheServiceStaysHealthy() throws SQLException {
        String prefix = "slow-" + UUID.randomUUID();
        insertCustomersWithContacts(prefix, 100, 10);
        String slow = "query($s: String) { customers(first: 100, filter: { search: $s }) { edges { node { "
                + "contacts { customer { contacts { customer { contacts { name email } } } } } } } } }";

        long budget = Duration.parse(StrictProfile.TIMEOUT).toMillis();
        GraphQLClient.reference(Tokens.admin(), "application/json", slow, Map.of("s", prefix))
                .statusCode(200)
                .time(lessThan(budget * 20))
                .body("data", equalTo(null))
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("timeout"));

        GraphQLClient.post(Tokens.admin(), "query($s: String) { customers(first: 5, filter: { search: $s }) { totalCount } }",
                        Map.of("s", prefix))
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", equalTo(100));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aPlannedStatementIsCutOffAtTheDeadline() throws SQLException {
        String query = "query Locked($first: Int) { customers(first: $first) { totalCount } }";
        long budget = Duration.parse(StrictProfile.TIMEOUT).toMillis();
        // Planned once before the lock: the first plan also derives the planner's catalog.
        GraphQLClient.post(Tokens.admin(), query, Map.of("first", 1)).statusCode(200).body("errors", equalTo(null));
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("lock table customer in access exclusive mode");
            long start = System.nanoTime();
            GraphQLClient.post(Tokens.admin(), query, Map.of("first", 1))
                    .statusCode(200)
                    .body("data", equalTo(null))
                    .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                    .body("errors[0].extensions.limit", equalTo("timeout"));
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(took < budget * 2, "answered at the deadline (" + budget + " ms), not after the engine too: " + took + " ms");
            locker.rollback();
        }
        GraphQLClient.post(Tokens.admin(), query, Map.of("first", 1))
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.customers.totalCount", notNullValue());
    }

    /** The planned status change waiting on a ticket another transaction holds: TIMEOUT at the deadline, nothing changed. */
    @Test
    void aPlannedTransitionWaitingOnALockIsCutOffAtTheDeadline() throws SQLException {
        long customer = Fixtures.customer(dataSource, 700);
        String id = GraphQLClient.mutateOk(Tokens.agent(), "problemReportCreate", "{customerId: \""
                + GlobalId.encode("Customer", customer) + "\", title: \"Locked\", severity: MINOR, priority: LOW}",
                "problemReport { id }").getString("problemReport.id");
        String transition = "mutation($input: TicketTransitionInput!) { problemReportTransition(input: $input) { "
                + "problemReport { id status version } userErrors { code } } }";
        Map<String, Object> input = Map.of("input", Map.of("id", id, "expectedVersion", 0, "to", "IN_PROGRESS"));
        long budget = Duration.parse(StrictProfile.TIMEOUT).toMillis();
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("select id from problem_report where id = " + GlobalId.decode(id).id() + " for update");
            long start = System.nanoTime();
            GraphQLClient.post(Tokens.agent(), transition, input)
                    .statusCode(200)
                    .body("data", equalTo(null))
                    .body("errors[0].extensions.code", equalTo("TIMEOUT"))
                    .body("errors[0].path[0]", equalTo("problemReportTransition"));
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(took < budget * 2, "answered at the deadline (" + budget + " ms), not after the engine too: " + took + " ms");
            locker.rollback();
        }
        GraphQLClient.post(Tokens.agent(), transition, input)
                .statusCode(200)
                .body("errors", equalTo(null))
                .body("data.problemReportTransition.problemReport.status", equalTo("IN_PROGRESS"))
                .body("data.problemReportTransition.problemReport.version", equalTo(1));
    }

    private void insertCustomersWithContacts(String prefix, int customers, int contactsEach) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into customer (account_number, name, segment, credit_rating)
                    select '%1$s-' || n, '%1$s customer ' || n, 'ENTERPRISE', 700 from generate_series(1, %2$d) n
                    """.formatted(prefix, customers));
            statement.executeUpdate("""
                    insert into contact (customer_id, name, role, email)
                    select c.id, 'Contact ' || n, 'OPERATIONS', 'contact' || n || '@example.com'
                    from customer c cross join generate_series(1, %2$d) n where c.account_number like '%1$s-%%'
                    """.formatted(prefix, contactsEach));
        }
    }
}
