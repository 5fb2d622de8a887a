package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SLA clocks over HTTP and the evaluator driven directly with a moved clock. The evaluator's
 * tickets live in 2001 so that no other test's tickets (created now or in 2025) are ever due.
 */
@QuarkusTest
class SlaClockTest {

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaEvaluator evaluator;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTicketPendingForHoursDoesNotUseItsResolutionTime() {
        long customer = customer("ENTERPRISE");
        String report = GraphQLClient.mutate(Tokens.agent(), "problemReportCreate", "{customerId: \"" + GlobalId.encode("Customer", customer)
                + "\", title: \"Slow line\", severity: MAJOR, priority: HIGH}", "problemReport { id }").getString("problemReport.id");
        transition(report, 0, "IN_PROGRESS");
        transition(report, 1, "PENDING");

        // Three hours later, still waiting for the customer: the clock has not moved.
        clock.set(Instant.now().plus(Duration.ofHours(3)));
        JsonPath paused = sla(report);
        assertTrue(paused.getBoolean("paused"));
        assertTrue(paused.getInt("elapsedSeconds") < 60, paused.prettify());
        assertEquals(8 * 60, paused.getInt("policy.resolutionMinutes"));
        assertEquals("ENTERPRISE", paused.getString("policy.segment"));
        assertNotNull(paused.get("respondedAt"), "responded when it was started");
        clock.reset();

        // Information provided; one hour later one hour is used and the due time moved by the pause.
        transition(report, 2, "IN_PROGRESS");
        clock.set(Instant.now().plus(Duration.ofHours(1)));
        JsonPath running = sla(report);
        assertFalse(running.getBoolean("paused"));
        assertEquals(3600, running.getInt("elapsedSeconds"), 60);
        assertEquals(7 * 3600, running.getInt("remainingSeconds"), 60);
        assertEquals(1, Duration.parse(running.getString("elapsed")).toHours());
        Instant due = OffsetDateTime.parse(running.getString("resolutionDueAt")).toInstant();
        assertEquals(0, Duration.between(clock.instant().plus(Duration.ofHours(7)), due).toMinutes());
        assertFalse(running.getBoolean("breached"));
        assertFalse(running.getBoolean("atRisk"));
    }

    @Test
    void aServiceTroubleRunsOnTheMostDemandingSegmentsClockAndPausesWhileHeldOnlyWhereThePolicySaysSo() {
        long enterprise = Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'VPN', 'vpn') returning id", customer("ENTERPRISE"));
        long wholesale = Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'Transit', 'ip') returning id", customer("WHOLESALE"));
        String trouble = GraphQLClient.mutate(Tokens.sre(), "serviceTroubleCreate", "{title: \"Core router loss\", severity: MAJOR, priority: MEDIUM, "
                + "impact: SIGNIFICANT, urgency: MEDIUM, affectedServiceIds: [\"" + GlobalId.encode("Service", enterprise) + "\", \""
                + GlobalId.encode("Service", wholesale) + "\"]}", "serviceTrouble { id }").getString("serviceTrouble.id");
        String lonely = GraphQLClient.mutate(Tokens.sre(), "serviceTroubleCreate", "{title: \"No services\", severity: MINOR, priority: LOW, "
                + "impact: MINOR, urgency: LOW}", "serviceTrouble { id }").getString("serviceTrouble.id");
        for (String[] step : new String[][]{{"0", "IN_PROGRESS"}, {"1", "HELD"}}) {
            assertEquals(List.of(), GraphQLClient.mutate(Tokens.sre(), "serviceTroubleTransition", "{id: \"" + trouble + "\", expectedVersion: "
                    + step[0] + ", to: " + step[1] + "}", "serviceTrouble { id }").getList("userErrors"));
        }
        clock.set(Instant.now().plus(Duration.ofHours(5)));
        String query = "{ nodes(ids: [\"" + trouble + "\", \"" + lonely + "\"]) { ... on ServiceTrouble {"
                + " sla { policy { segment priority responseMinutes resolutionPauseStates } paused elapsedSeconds } } } }";
        JsonPath clocks = GraphQLClient.post(Tokens.sre(), query).statusCode(200).extract().jsonPath().setRootPath("data.nodes");
        assertEquals("WHOLESALE", clocks.getString("[0].sla.policy.segment"), "wholesale is the most demanding of the two");
        assertEquals(60, clocks.getInt("[0].sla.policy.responseMinutes"));
        // By default HELD, the provider's own wait, does not stop the customer's clock.
        assertEquals(List.of("PENDING"), clocks.getList("[0].sla.policy.resolutionPauseStates"));
        assertFalse(clocks.getBoolean("[0].sla.paused"));
        assertTrue(clocks.getInt("[0].sla.elapsedSeconds") >= 5 * 3600 - 60, clocks.prettify());
        assertNull(clocks.get("[1].sla"), "no affected services, no customer, no policy");

        // A policy that also pauses in HELD.
        Sql.exec(ds, "update sla_policy set resolution_pause_states = '{PENDING,HELD}' where segment = 'WHOLESALE' and priority = 'MEDIUM'");
        try {
            JsonPath held = GraphQLClient.post(Tokens.sre(), query).statusCode(200).extract().jsonPath().setRootPath("data.nodes");
            assertEquals(List.of("PENDING", "HELD"), held.getList("[0].sla.policy.resolutionPauseStates"));
            assertTrue(held.getBoolean("[0].sla.paused"));
            assertTrue(held.getInt("[0].sla.elapsedSeconds") < 60, held.prettify());
        } finally {
            Sql.exec(ds, "update sla_policy set resolution_pause_states = '{PENDING}' where segment = 'WHOLESALE' and priority = 'MEDIUM'");
        }
    }

    @Test
    void atRiskAndBreachFireOnceAndTwoConcurrentEvaluatorsGrantOneCredit() throws Exception {
        // ENTERPRISE/HIGH: respond in 30 min, resolve in 8 h, credit 10 % of the service's monthly charge.
        long customer = customer("ENTERPRISE");
        long service = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge) values (?, 'Fibre 1G', 'broadband', 250.00) returning id", customer);
        long invoice = invoice(customer);
        Instant t0 = Instant.parse("2001-03-01T10:00:00Z");
        // Started at 10:10, pending 11:00-13:00: due at 13:00 + 7 h = 20:00, at risk from 19:30.
        long report = report(customer, service, t0, "ACKNOWLEDGED", 0, "IN_PROGRESS", 10, "PENDING", 60, "IN_PROGRESS", 180);
        // A customer without an open invoice: the credit waits for one.
        long other = customer("ENTERPRISE");
        long otherService = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge) values (?, 'Fibre 1G', 'broadband', 99.90) returning id", other);
        long otherReport = report(other, otherService, t0, "ACKNOWLEDGED", 0, "IN_PROGRESS", 10);

        clock.set(t0.plus(Duration.ofHours(9)));
        evaluator.evaluate();
        assertEquals(List.of(), kinds(report), "19:00: neither at risk nor breached");

        clock.set(t0.plus(Duration.ofMinutes(9 * 60 + 31)));
        evaluator.evaluate();
        evaluator.evaluate();
        assertEquals(List.of("RESOLUTION_AT_RISK"), kinds(report));
        assertEquals(1, events(report, "SLA_AT_RISK"));

        // 20:01, two replicas at once.
        clock.set(t0.plus(Duration.ofMinutes(10 * 60 + 1)));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> replica = () -> {
            start.await();
            return evaluator.evaluate();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.of(replica, replica));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("RESOLUTION_AT_RISK", "RESOLUTION_BREACHED"), kinds(report));
        assertEquals(1, events(report, "SLA_BREACHED"));
        assertEquals(1, events(report, "SERVICE_CREDIT_GRANTED"));
        assertEquals(1, Sql.count(ds, "select count(*) from service_credit where problem_report_id = ?", report));
        assertEquals(new BigDecimal("25.00"), Sql.row(ds, "select amount from adjustment where problem_report_id = ?", report).get("amount"));
        assertEquals(new BigDecimal("25.00"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", invoice).get("adjusted_amount"));
        // The other report breached at 18:00 as well (never at risk while the job ran); its credit is pending.
        assertEquals(List.of("RESOLUTION_BREACHED"), kinds(otherReport));
        assertEquals(1, Sql.count(ds, "select count(*) from service_credit where problem_report_id = ? and adjustment_id is null", otherReport));

        // Traceable both ways in the graph: ticket -> credit -> adjustment -> invoice, and back.
        String reportId = GlobalId.encode("ProblemReport", report);
        JsonPath credits = GraphQLClient.post(Tokens.customer(customer), "{ problemReport(id: \"" + reportId + "\") { sla { breached remainingSeconds }"
                        + " serviceCredits { amount { amount currency } breach appliedAt adjustment { id amount { amount } problemReport { id } invoice { id } } } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data.problemReport");
        assertTrue(credits.getBoolean("sla.breached"));
        assertEquals(0, credits.getInt("sla.remainingSeconds"));
        assertEquals("25.00", credits.getString("serviceCredits[0].amount.amount"));
        assertEquals("EUR", credits.getString("serviceCredits[0].amount.currency"));
        assertEquals("RESOLUTION_BREACHED", credits.getString("serviceCredits[0].breach"));
        assertEquals(reportId, credits.getString("serviceCredits[0].adjustment.problemReport.id"));
        assertEquals(GlobalId.encode("Invoice", invoice), credits.getString("serviceCredits[0].adjustment.invoice.id"));

        // An invoice for the other customer: the next evaluation applies the pending credit (9.99), once.
        long otherInvoice = invoice(other);
        evaluator.evaluate();
        evaluator.evaluate();
        assertEquals(new BigDecimal("9.99"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", otherInvoice).get("adjusted_amount"));
        assertEquals(1, Sql.count(ds, "select count(*) from adjustment where problem_report_id = ?", otherReport));
        assertEquals(1, events(report, "SLA_BREACHED"));
    }

    @Test
    void aCreditWaitsForAnOpenInvoiceWhoseAmountDueCoversIt() {
        // ENTERPRISE/HIGH: resolve in 8 h, credit 10 % of the service's monthly charge (9.99).
        long customer = customer("ENTERPRISE");
        long service = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge) values (?, 'Fibre 1G', 'broadband', 99.90) returning id", customer);
        long small = invoice(customer, "5.00");
        Instant t0 = Instant.parse("2001-05-01T10:00:00Z");
        long report = report(customer, service, t0, "ACKNOWLEDGED", 0, "IN_PROGRESS", 10);

        clock.set(t0.plus(Duration.ofHours(9)));
        evaluator.evaluate();
        // Breached (never at risk while the job ran), but the only open invoice has 5.00 due: the
        // credit is not forced onto it below zero.
        assertEquals(List.of("RESOLUTION_BREACHED"), kinds(report));
        assertEquals(1, Sql.count(ds, "select count(*) from service_credit where problem_report_id = ? and adjustment_id is null", report));
        assertEquals(new BigDecimal("0.00"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", small).get("adjusted_amount"));

        long covering = invoice(customer, "250.00");
        evaluator.evaluate();
        assertEquals(new BigDecimal("9.99"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", covering).get("adjusted_amount"));
        assertEquals(new BigDecimal("0.00"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", small).get("adjusted_amount"));
        assertEquals(0, Sql.count(ds, "select count(*) from service_credit where problem_report_id = ? and adjustment_id is null", report));
    }

    private long customer(String segment) {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'SLA Test', ?, 700) returning id",
                "SLA-" + UUID.randomUUID(), segment);
    }

    private long invoice(long customer) {
        return invoice(customer, "250.00");
    }

    private long invoice(long customer, String total) {
        return Sql.exec(ds, """
                insert into invoice (customer_id, bill_date, period_start, period_end, payment_due_date, currency, total_amount)
                values (?, date '2001-03-31', date '2001-03-01', date '2001-03-31', date '2001-04-30', 'EUR', ?) returning id""",
                customer, new BigDecimal(total));
    }

    /** A HIGH problem report with its history: status, minutes after t0, ... */
    private long report(long customer, long service, Instant t0, Object... history) {
        String status = (String) history[history.length - 2];
        long id = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status, related_service_id, created_at, updated_at)
                values (?, 'Down', 'MAJOR', 'HIGH', 'PHONE', ?, ?, ?, ?) returning id""",
                customer, status, service, OffsetDateTime.ofInstant(t0, java.time.ZoneOffset.UTC), OffsetDateTime.ofInstant(t0, java.time.ZoneOffset.UTC));
        String from = null;
        for (int i = 0; i < history.length; i += 2) {
            Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, from_status, to_status, actor, changed_at) values (?, ?, ?, ?, 'agent', ?)",
                    id, customer, from, history[i], OffsetDateTime.ofInstant(t0.plus(Duration.ofMinutes((Integer) history[i + 1])), java.time.ZoneOffset.UTC));
            from = (String) history[i];
        }
        return id;
    }

    private List<Object> kinds(long report) {
        return Sql.rows(ds, "select kind from sla_event where problem_report_id = ? order by kind", report).stream().map(r -> r.get("kind")).toList();
    }

    private long events(long report, String type) {
        return Sql.count(ds, "select count(*) from outbox_event where aggregate = 'PROBLEM_REPORT' and aggregate_id = ? and type = ?", report, type);
    }

    private JsonPath sla(String report) {
        return GraphQLClient.post(Tokens.agent(), "{ problemReport(id: \"" + report + "\") { sla { policy { segment priority resolutionMinutes }"
                        + " responseDueAt respondedAt resolutionDueAt elapsed elapsedSeconds remaining remainingSeconds paused breached atRisk } } }")
                .statusCode(200).extract().jsonPath().setRootPath("data.problemReport.sla");
    }

    private static void transition(String id, int version, String to) {
        JsonPath result = GraphQLClient.mutate(Tokens.agent(), "problemReportTransition",
                "{id: \"" + id + "\", expectedVersion: " + version + ", to: " + to + "}", "problemReport { status }");
        assertEquals(List.of(), result.getList("userErrors"), result::prettify);
    }
}
