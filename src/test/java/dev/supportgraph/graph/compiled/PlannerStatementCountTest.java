package dev.supportgraph.graph.compiled;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A planned read is one statement for the whole document, whatever its depth and list sizes:
 * the plan's statement runs on the reactive pool and nothing runs through the resolvers'
 * Hibernate session (whose statements {@link SqlStatements} counts).
 */
@QuarkusTest
class PlannerStatementCountTest {

    /** Two root fields, four levels of lists below the first. */
    private static final String QUERY = """
            query($id: ID!) {
              customer(id: $id) { name contacts { name }
                orders(first: 20) { totalCount edges { cursor node { number
                  items { productName total { amount } order { number } }
                  invoiceLines { description } problemReports { title reportedBy { name } } } } }
                invoices(first: 20) { edges { node { number amountDue { amount } lines { description }
                  payments { method } adjustments { reason } } } } }
              problemReports(first: 20, filter: { customerId: $id }) { edges { node { title customer { name } } } }
            }""";

    @Inject
    CommerceData data;

    @Inject
    SqlStatements statements;

    @Inject
    MeterRegistry registry;

    @Test
    void aPlannedReadIsOneStatementWhateverTheListSizes() {
        for (int orders : new int[] {1, 12}) {
            long customer = data.customer("Statements " + orders);
            long contact = data.contact(customer, "Kim", null);
            for (int o = 0; o < orders; o++) {
                long order = data.order(customer, "IN_PROGRESS", 1, "Order " + o);
                long item = data.item(order, customer, 1, "Router", 2, "10.00", null);
                data.item(order, customer, 2, "Fibre", 1, "30.00", null);
                long invoice = data.invoice(customer, "NEW", LocalDate.of(2025, 1, 28), "100.00", "0.00", "0.00");
                data.line(invoice, customer, "Router", order, item);
                data.payment(invoice, customer, "5.00");
                data.adjustment(invoice, customer, "1.00", "Goodwill");
                data.problemReport(customer, "Report " + o, contact, order, null);
            }
            Map<String, Object> variables = Map.of("id", GlobalId.encode(CustomerType.TYPE, customer));
            String engine = post(variables, true);
            double before = planned();
            SqlStatements.Counted<String> plan = statements.count(() -> post(variables, false));
            assertEquals(before + 1, planned(), "answered by the plan's one statement");
            assertEquals(0, plan.statements(), "no statement through the resolvers");
            assertEquals(engine, plan.result());
            assertTrue(engine.contains("\"totalCount\":" + orders) && !engine.contains("\"errors\""), engine);
        }
    }

    /** Lists through link tables (both directions, keyed by another attribute of the parent) and money priced by the invoice. */
    private static final String LINKED = """
            query($tag: String!, $customer: ID!) {
              services(first: 50, filter: { search: $tag }) { edges { node { name resources { name services { name } } } } }
              serviceTroubles(first: 50, filter: { search: $tag }) { edges { node { title
                affectedServices { name resources { name } } } } }
              resourceTroubles(first: 50, filter: { search: $tag }) { edges { node { title affectedServices { name } } } }
              customer(id: $customer) { invoices(first: 50) { edges { node { lines { amount { amount currency }
                unitAmount { amount currency } } payments { amount { amount currency } } adjustments { amount { currency } } } } } }
            }""";

    @Test
    void aPlannedReadThroughLinkTablesIsOneStatementWhateverTheListSizes() {
        for (int links : new int[] {1, 6}) {
            String tag = CommerceData.unique("linked");
            long customer = data.customer("Linked " + links);
            long other = data.customer("Other linked " + links);
            for (int r = 0; r < links; r++) {
                long resource = data.resource(tag + " OLT " + r, "OLT", "Site " + r, "ENABLE");
                long trouble = data.insert("insert into service_trouble (title, severity, priority, impact, urgency)"
                        + " values (?, 'MAJOR', 'HIGH', 'SIGNIFICANT', 'HIGH')", tag + " outage " + r);
                data.insert("insert into resource_trouble (title, resource_id, severity, priority, perceived_severity)"
                        + " values (?, ?, 'MAJOR', 'HIGH', 'MAJOR')", tag + " card " + r, resource);
                for (long owner : new long[] {customer, other}) {
                    long service = data.service(owner, tag + " fibre " + owner + "/" + r, "BROADBAND", r % 2 == 0 ? "ACTIVE" : "TERMINATED");
                    data.link(service, resource);
                    data.execute("insert into service_trouble_service (service_trouble_id, service_id) values (?, ?)", trouble, service);
                }
                long invoice = data.invoice(customer, "NEW", LocalDate.of(2025, 1, 28), "100.00", "0.00", "0.00");
                data.execute("update invoice set currency = 'CHF' where id = ?", invoice);
                data.line(invoice, customer, "Router", null, null);
                data.payment(invoice, customer, "5.00");
                data.adjustment(invoice, customer, "1.00", "Goodwill");
            }
            Map<String, Object> variables = Map.of("tag", tag, "customer", GlobalId.encode(CustomerType.TYPE, customer));
            String engine = post(LINKED, variables, true);
            double before = planned();
            SqlStatements.Counted<String> plan = statements.count(() -> post(LINKED, variables, false));
            assertEquals(before + 1, planned(), "answered by the plan's one statement");
            assertEquals(0, plan.statements(), "no statement through the resolvers");
            assertEquals(engine, plan.result());
            assertTrue(engine.contains("\"currency\":\"CHF\"") && engine.contains(tag + " OLT " + (links - 1))
                    && !engine.contains("\"errors\""), engine);
        }
    }

    /** The answer without insignificant white space (PostgreSQL's JSON text has some). */
    private static String post(Map<String, Object> variables, boolean engine) {
        return post(QUERY, variables, engine);
    }

    private static String post(String query, Map<String, Object> variables, boolean engine) {
        return GraphQLClient.compact((engine ? GraphQLClient.reference(Tokens.agent(), "application/json", query, variables)
                : GraphQLClient.post(Tokens.agent(), query, variables)).extract().asString());
    }

    private double planned() {
        return registry.get("supportgraph.graphql.compiled").timer().count();
    }
}
