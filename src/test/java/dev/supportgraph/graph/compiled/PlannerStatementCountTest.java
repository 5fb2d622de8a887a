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

    /** The answer without insignificant white space (PostgreSQL's JSON text has some). */
    private static String post(Map<String, Object> variables, boolean engine) {
        return GraphQLClient.compact((engine ? GraphQLClient.reference(Tokens.agent(), "application/json", QUERY, variables)
                : GraphQLClient.post(Tokens.agent(), QUERY, variables)).extract().asString());
    }

    private double planned() {
        return registry.get("supportgraph.graphql.compiled").timer().count();
    }
}
