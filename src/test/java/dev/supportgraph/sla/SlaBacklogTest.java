package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator over a backlog of 300 due tickets, as after downtime: whole batches are fired in
 * a few statements each, the credits come out as they would ticket by ticket, and two evaluators
 * at once still fire everything once. Tickets live in 2001 (see {@link SlaClockTest}).
 */
@QuarkusTest
class SlaBacklogTest {

    private static final int CUSTOMERS = 30;
    private static final int REPORTS_PER_CUSTOMER = 10;
    /** Each customer's invoice has room for this many of its 10.00 credits; the others stay pending. */
    private static final int COVERED = 5;

    @Inject
    DataSource ds;

    @Inject
    TestClock clock;

    @Inject
    SlaEvaluator evaluator;

    @Inject
    SlaConfig config;

    @Inject
    SqlStatements statements;

    /** A customer of the backlog: its open invoice and its due reports in id order. */
    private record Customer(long id, long invoice, List<Long> reports) {
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aBacklogIsFiredInAFewStatementsPerBatchWithTheCreditsOfTicketByTicket() {
        Instant t0 = Instant.parse("2001-09-03T10:00:00Z");
        List<Customer> customers = backlog(t0);
        long lastEvent = Sql.count(ds, "select coalesce(max(id), 0) from outbox_event");
        long open = Sql.count(ds, """
                select count(*) from problem_report p where p.status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD')
                and not exists (select 1 from sla_event e where e.problem_report_id = p.id and e.kind = 'RESOLUTION_BREACHED')""");
        long batches = open / config.batchSize() + 1;

        clock.set(t0.plus(Duration.ofHours(9)));
        SqlStatements.Counted<Integer> first = statements.count(() -> evaluator.evaluate());
        assertEquals(CUSTOMERS * REPORTS_PER_CUSTOMER, first.result());
        // Per batch of open tickets: its read, and one transaction inserting the events, the credits,
        // locking the invoices, writing the adjustments and (at commit) the outbox rows; then the
        // pending credits' pass. Ticket by ticket it was a transaction and ~9 statements per ticket.
        assertTrue(first.transactions() <= 2 * batches + 1, first.transactions() + " transactions for " + batches + " batches");
        assertTrue(first.statements() <= 6 * batches + 4, first.statements() + " statements for " + batches + " batches");

        assertFiredOnce(customers, lastEvent);
        SqlStatements.Counted<Integer> again = statements.count(() -> evaluator.evaluate());
        assertEquals(0, again.result(), "nothing is due twice");
        assertFiredOnce(customers, lastEvent);
    }

    @Test
    void twoEvaluatorsAtOnceFireEachEventAndGrantEachCreditOnce() throws Exception {
        Instant t0 = Instant.parse("2001-10-01T10:00:00Z");
        List<Customer> customers = backlog(t0);
        long lastEvent = Sql.count(ds, "select coalesce(max(id), 0) from outbox_event");

        clock.set(t0.plus(Duration.ofHours(9)));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> replica = () -> {
            start.await();
            return evaluator.evaluate();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int fired = 0;
        try {
            for (Future<Integer> run : pool.invokeAll(List.of(replica, replica))) {
                fired += run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(CUSTOMERS * REPORTS_PER_CUSTOMER, fired, "between them, the two fired every event once");
        assertFiredOnce(customers, lastEvent);
    }

    /**
     * Customers with a service of 100.00 a month (ENTERPRISE/HIGH credits 10 %: 10.00) and an open
     * invoice with 50.00 due, each with reports started 10 minutes after creation (responded in
     * time) and running since: at t0 + 9 h each has just its resolution breach due.
     */
    private List<Customer> backlog(Instant t0) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            long customer = Fixtures.customer(ds, 700);
            long service = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge) values (?, 'Fibre', 'broadband', 100.00) returning id", customer);
            long invoice = Sql.exec(ds, """
                    insert into invoice (customer_id, bill_date, period_start, period_end, payment_due_date, currency, total_amount)
                    values (?, date '2001-08-31', date '2001-08-01', date '2001-08-31', date '2001-09-30', 'EUR', 50.00) returning id""", customer);
            customers.add(new Customer(customer, invoice,
                    Backlog.reports(ds, customer, service, t0, REPORTS_PER_CUSTOMER, "ACKNOWLEDGED", 0, "IN_PROGRESS", 10)));
        }
        return customers;
    }

    /**
     * Exactly what firing ticket by ticket gave: per report in id order its breach event, then its
     * credit's event; each customer's first five credits applied to its invoice in report order
     * (which they then fill), the other five pending.
     */
    private void assertFiredOnce(List<Customer> customers, long lastEvent) {
        List<String> expected = new ArrayList<>();
        for (Customer customer : customers) {
            String invoice = GlobalId.encode("Invoice", customer.invoice());
            for (int i = 0; i < customer.reports().size(); i++) {
                long report = customer.reports().get(i);
                expected.add(report + " SLA_BREACHED RESOLUTION null");
                expected.add(report + " SERVICE_CREDIT_GRANTED 10.00 " + (i < COVERED ? "APPLIED " + invoice : "PENDING"));
                assertEquals(List.of("RESOLUTION_BREACHED"), Sql.rows(ds, "select kind from sla_event where problem_report_id = ?", report)
                        .stream().map(r -> r.get("kind")).toList());
                assertEquals(i < COVERED ? 1 : 0, Sql.count(ds, "select count(*) from adjustment where problem_report_id = ? and invoice_id = ?",
                        report, customer.invoice()));
            }
            assertEquals(COVERED, Sql.count(ds, "select count(*) from service_credit where customer_id = ? and adjustment_id is not null", customer.id()));
            assertEquals(REPORTS_PER_CUSTOMER - COVERED, Sql.count(ds, "select count(*) from service_credit where customer_id = ? and adjustment_id is null", customer.id()));
            assertEquals(new BigDecimal("50.00"), Sql.row(ds, "select adjusted_amount from invoice where id = ?", customer.invoice()).get("adjusted_amount"));
            assertEquals((long) COVERED, Sql.row(ds, "select version from invoice where id = ?", customer.invoice()).get("version"));
        }
        List<String> events = Sql.rows(ds, """
                        select aggregate_id || ' ' || type || ' ' || coalesce(payload->>'target', payload->>'amount') || ' '
                               || coalesce(payload->>'status', 'null') || coalesce(' ' || (payload->>'invoiceId'), '') as event
                        from outbox_event where id > ? and aggregate = 'PROBLEM_REPORT' order by id""", lastEvent)
                .stream().map(r -> (String) r.get("event")).toList();
        assertEquals(expected, events);
    }
}
