package dev.supportgraph.ticket;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Queue filters on the ticket lists: mine, an assignee, unassigned, a work group; nothing for portal users. */
@QuarkusTest
class TicketQueueTest {

    @Inject
    DataSource ds;

    @Test
    void queueFiltersSelectByAssigneeCallerAndWorkGroup() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String annToken = Tokens.person("agent", "ann-" + tag + "@supportgraph.dev", "Ann", null);
        long ann = GlobalId.decode("Agent", GraphQLClient.post(annToken, "{ me { id } }").extract().jsonPath().getString("data.me.id"));
        long bob = Sql.exec(ds, "insert into agent (subject, name) values (?, 'Bob') returning id", "bob-" + tag);
        long group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "Q-" + tag);
        long other = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "R-" + tag);
        long customer = Fixtures.customer(ds, 700);
        report(customer, "Ann's", group, ann);
        report(customer, "Bob's", other, bob);
        report(customer, "Waiting", group, null);
        report(customer, "Nowhere", null, null);
        String customerId = GlobalId.encode("Customer", customer);
        String groupId = GlobalId.encode("WorkGroup", group);

        assertEquals(List.of("Ann's"), titles(annToken, customerId, Map.of("mine", true)));
        assertEquals(List.of(), titles(Tokens.agent(), customerId, Map.of("mine", true)), "the generic agent has nothing assigned");
        assertEquals(List.of("Bob's"), titles(Tokens.agent(), customerId, Map.of("assigneeId", GlobalId.encode("Agent", bob))));
        assertEquals(List.of("Nowhere", "Waiting"), titles(Tokens.agent(), customerId, Map.of("unassigned", true)));
        assertEquals(List.of("Bob's", "Ann's"), titles(Tokens.agent(), customerId, Map.of("unassigned", false)));
        assertEquals(List.of("Waiting", "Ann's"), titles(Tokens.agent(), customerId, Map.of("workGroupId", groupId)));
        assertEquals(List.of("Waiting"), titles(Tokens.agent(), customerId, Map.of("workGroupId", groupId, "unassigned", true)));
        assertEquals(List.of(), titles(Tokens.customer(customer), customerId, Map.of("unassigned", true)), "routing is internal");
        assertEquals(4, titles(Tokens.customer(customer), customerId, null).size());

        long trouble = Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency, work_group_id) values (?, 'MAJOR', 'HIGH', 'MINOR', 'LOW', ?) returning id",
                "Queue " + tag, group);
        List<String> troubles = GraphQLClient.post(Tokens.sre(), "query($f: ServiceTroubleFilter) { serviceTroubles(first: 10, filter: $f) { edges { node { id } } } }",
                Map.of("f", Map.of("queue", Map.of("workGroupId", groupId)))).extract().jsonPath().getList("data.serviceTroubles.edges.node.id");
        assertEquals(List.of(GlobalId.encode("ServiceTrouble", trouble)), troubles);
    }

    private long report(long customer, String title, Long group, Long assignee) {
        return Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, work_group_id, assignee_id) "
                + "values (?, ?, 'MINOR', 'LOW', 'PORTAL', ?, ?) returning id", customer, title, group, assignee);
    }

    /**
     * Titles of the customer's reports in the queue, newest first. The filter travels whole as a
     * variable: the compiled read path (graph/compiled) does not know the queue field yet and
     * declines such filters, while it would drop the field from a literal filter object.
     */
    private List<String> titles(String token, String customerId, Map<String, Object> queue) {
        var filter = new java.util.HashMap<String, Object>();
        filter.put("customerId", customerId);
        filter.put("queue", queue);
        var json = GraphQLClient.post(token, "query($f: ProblemReportFilter) { problemReports(first: 50, filter: $f) "
                + "{ edges { node { title } } } }", Map.of("f", filter)).statusCode(200).extract().jsonPath();
        return json.getList("data.problemReports.edges.node.title");
    }
}
