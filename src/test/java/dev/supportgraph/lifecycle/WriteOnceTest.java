package dev.supportgraph.lifecycle;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Writes that must happen once, fired concurrently through HTTP against the real database:
 * exactly one effect, the others a userError; and what a payload and an idempotent replay return.
 */
@QuarkusTest
class WriteOnceTest {

    private static final int CALLS = 20;

    @Inject
    DataSource ds;

    @Inject
    CommerceData data;

    @Test
    void concurrentIssuesOfOneOrderBillItOnce() throws Exception {
        long customer = data.customer("Write Once Ltd");
        long order = data.order(customer, "COMPLETED", 2, "Delivered");
        data.item(order, customer, 1, "Fibre 1G", 1, "39.90", null);
        data.item(order, customer, 2, "Router", 2, "4.95", null);
        data.execute("update order_item set state = 'COMPLETED' where order_id = ?", order);
        String input = "{orderIds: [\"" + GlobalId.encode("ProductOrder", order)
                + "\"], periodStart: \"2025-02-01\", periodEnd: \"2025-02-28\", paymentDueDate: \"2025-03-31\"}";

        List<JsonPath> results = concurrently(() -> GraphQLClient.mutate(Tokens.agent(), "invoiceIssue", input, "invoice { id version }"));

        List<JsonPath> won = results.stream().filter(r -> r.getList("userErrors").isEmpty()).toList();
        assertEquals(1, won.size(), "exactly one call issues the invoice");
        results.stream().filter(r -> !r.getList("userErrors").isEmpty()).forEach(r -> {
            assertEquals("BUSINESS_RULE", r.getString("userErrors[0].code"), r.prettify());
            assertNull(r.get("invoice"));
        });
        assertEquals(1, Sql.count(ds, "select count(*) from invoice where customer_id = ?", customer));
        assertEquals(2, Sql.count(ds, "select count(*) from invoice_line where order_id = ?", order));
        long invoice = GlobalId.decode("Invoice", won.getFirst().getString("invoice.id"));
        assertEquals(Sql.count(ds, "select version from invoice where id = ?", invoice), won.getFirst().getLong("invoice.version"),
                "the payload carries the stored version");
    }

    @Test
    void concurrentPaymentsOnOneVersionRecordOnePayment() throws Exception {
        long customer = data.customer("Pay Once Ltd");
        long invoice = data.invoice(customer, "SENT", LocalDate.of(2025, 3, 1), "100.00", "0.00", "0.00");
        String input = "{id: \"" + GlobalId.encode("Invoice", invoice) + "\", expectedVersion: 0, amount: \"60.00\", method: CARD}";

        List<JsonPath> results = concurrently(() -> GraphQLClient.mutate(Tokens.agent(), "invoiceRecordPayment", input, "invoice { version }"));

        assertEquals(1, results.stream().filter(r -> r.getList("userErrors").isEmpty()).count());
        results.stream().filter(r -> !r.getList("userErrors").isEmpty())
                .forEach(r -> assertEquals("STALE_OBJECT", r.getString("userErrors[0].code"), r.prettify()));
        assertEquals(Map.of("payments", 1L, "paid_amount", new BigDecimal("60.00"), "version", 1L), Sql.row(ds,
                "select (select count(*) from payment where invoice_id = i.id) as payments, paid_amount, version from invoice i where id = ?", invoice));
    }

    @Test
    void concurrentRatingsOfOneReportStoreOne() throws Exception {
        long customer = data.customer("Rate Once Ltd");
        long report = Sql.exec(ds, """
                insert into problem_report (customer_id, title, severity, priority, channel, status)
                values (?, 'Closed', 'MINOR', 'LOW', 'PHONE', 'CLOSED') returning id""", customer);
        String input = "{id: \"" + GlobalId.encode("ProblemReport", report) + "\", score: 4}";

        List<JsonPath> results = concurrently(() -> GraphQLClient.mutate(Tokens.customer(customer), "problemReportRate", input, "rating { score }"));

        assertEquals(1, results.stream().filter(r -> r.getList("userErrors").isEmpty()).count());
        results.stream().filter(r -> !r.getList("userErrors").isEmpty())
                .forEach(r -> assertEquals("BUSINESS_RULE", r.getString("userErrors[0].code"), r.prettify()));
        assertEquals(1, Sql.count(ds, "select count(*) from satisfaction_rating where problem_report_id = ?", report));
        assertEquals(1, Sql.count(ds, "select count(*) from outbox_event where type = 'PROBLEM_REPORT_RATED' and aggregate_id = ?", report));
    }

    @Test
    void concurrentPropagationsOpenOneReportPerCustomer() throws Exception {
        long resource = data.resource("olt-" + UUID.randomUUID(), "olt", "Berlin", "ENABLE");
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long customer = data.customer("Care Once " + i);
            long service = data.service(customer, "Fibre " + i, "broadband", "ACTIVE");
            data.link(service, resource);
            customers.add(customer);
        }
        String trouble = GraphQLClient.mutate(Tokens.sre(), "resourceTroubleCreate", "{title: \"Card down\", resourceId: \""
                + GlobalId.encode("Resource", resource) + "\", severity: CRITICAL, priority: HIGH, perceivedSeverity: CRITICAL}",
                "resourceTrouble { id }").getString("resourceTrouble.id");

        List<JsonPath> results = concurrently(() -> GraphQLClient.mutate(Tokens.sre(), "resourceTroublePropagate",
                "{id: \"" + trouble + "\"}", "problemReportsOpened"));

        assertEquals(3, results.stream().mapToInt(r -> r.getInt("problemReportsOpened")).sum(), "three reports in all, whoever opened them");
        for (long customer : customers) {
            assertEquals(1, Sql.count(ds, "select count(*) from problem_report where channel = 'PROACTIVE' and customer_id = ?", customer));
            assertEquals(1, Sql.count(ds, """
                    select count(*) from ticket_note n join problem_report p on p.id = n.problem_report_id
                    where p.customer_id = ? and p.channel = 'PROACTIVE'""", customer));
        }
    }

    @Test
    void anIdempotencyKeyIsScopedByTheWholeIdentityNotTheName() {
        long first = data.customer("Key Owner Ltd");
        long second = data.customer("Key Stranger Ltd");
        long contact = data.contact(first, "Owner", "owner@example.com");
        String key = UUID.randomUUID().toString();
        String input = "{idempotencyKey: \"" + key + "\", title: \"Line down\", urgency: HIGH, reportedById: \""
                + GlobalId.encode("Contact", contact) + "\"}";

        String mine = GraphQLClient.mutate(portalUser("same-name", first), "problemReportCreate", input, "problemReport { id }")
                .getString("problemReport.id");
        assertEquals(mine, GraphQLClient.mutate(portalUser("same-name", first), "problemReportCreate", input, "problemReport { id }")
                .getString("problemReport.id"), "a real replay returns the first result");

        // The same name and the same input, but another customer's token: a new create (refused, the contact is not theirs).
        JsonPath other = GraphQLClient.mutate(portalUser("same-name", second), "problemReportCreate", input, "problemReport { id title }");
        assertNull(other.get("problemReport"), other::prettify);
        assertEquals("NOT_FOUND", other.getString("userErrors[0].code"));
        assertEquals(1, Sql.count(ds, "select count(*) from problem_report where customer_id = ?", first));
        assertEquals(0, Sql.count(ds, "select count(*) from problem_report where customer_id = ?", second));
    }

    private static String portalUser(String name, long customer) {
        return Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn(name).groups(Set.of("customer")).claim("customer_id", String.valueOf(customer)).sign();
    }

    /** Fires {@link #CALLS} copies of the call at once (released together) and returns every result. */
    private static List<JsonPath> concurrently(Supplier<JsonPath> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(() -> {
                    start.await();
                    return call.get();
                });
            }
            List<Future<JsonPath>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
