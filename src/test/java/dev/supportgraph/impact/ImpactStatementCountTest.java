package dev.supportgraph.impact;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Impact fields are batch resolvers: the statements of a list of troubles do not grow with the list. */
@QuarkusTest
class ImpactStatementCountTest {

    @Inject
    DataSource ds;

    @Inject
    SqlStatements statements;

    @Test
    void statementsStayTheSameWhenTheTroublesDouble() {
        String tag = "IMPCOUNT-" + UUID.randomUUID();
        String query = "{ resourceTroubles(first: 50, filter: {search: \"" + tag + "\"}) { edges { node { affectedServices { id }"
                + " affectedCustomers(first: 2) { totalCount edges { node { id segment } } } impact { customersAffected openProblemReports }"
                + " serviceTroubles { affectedCustomers(first: 2) { edges { node { id } } } impactAnalysis { customersAffected } } } } } }";
        troubles(tag, 3);
        SqlStatements.Counted<Integer> small = statements.count(() -> size(query));
        troubles(tag, 3);
        SqlStatements.Counted<Integer> doubled = statements.count(() -> size(query));
        assertEquals(3, small.result());
        assertEquals(6, doubled.result());
        assertEquals(small.statements(), doubled.statements());
        assertEquals(0, small.transactions(), "reads run without a transaction");
    }

    private static int size(String query) {
        return GraphQLClient.post(Tokens.sre(), query).statusCode(200).extract().jsonPath().getList("data.resourceTroubles.edges").size();
    }

    /** Troubles on their own resources, each behind three services of two customers and a linked service trouble. */
    private void troubles(String tag, int n) {
        for (int i = 0; i < n; i++) {
            long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'router') returning id", "r-" + UUID.randomUUID());
            long trouble = Sql.exec(ds, """
                    insert into resource_trouble (title, resource_id, severity, priority, perceived_severity)
                    values (?, ?, 'MAJOR', 'HIGH', 'MAJOR') returning id""", tag + " " + i, resource);
            long serviceTrouble = Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency) values ('x', 'MAJOR', 'HIGH', 'MODERATE', 'HIGH') returning id");
            Sql.exec(ds, "insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id) values (?, ?)", serviceTrouble, trouble);
            for (int c = 0; c < 2; c++) {
                long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Count', 'ENTERPRISE', 700) returning id",
                        "IMP-" + UUID.randomUUID());
                for (int s = 0; s <= c; s++) {
                    long service = Sql.exec(ds, "insert into service (customer_id, name, category, monthly_charge) values (?, 'svc', 'broadband', 10) returning id", customer);
                    Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource);
                    Sql.exec(ds, "insert into service_trouble_service (service_trouble_id, service_id) values (?, ?)", serviceTrouble, service);
                }
            }
        }
    }
}
