package dev.supportgraph.sla;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Resource troubles run an SLA clock under the policy of the most demanding segment among the
 * customers of the (not terminated) services on the resource and the trouble's priority; the SLA
 * job stores it, so resource trouble queues filter by SLA state.
 */
@QuarkusTest
class ResourceTroubleSlaTest {

    private static final String SLA = "{ node(id: \"%s\") { ... on ResourceTrouble { createdAt sla { resolutionDueAt breached "
            + "policy { segment priority resolutionMinutes } } } } }";

    @Inject
    DataSource ds;

    @Inject
    SlaDueTimes dueTimes;

    @Test
    void aResourceTroubleRunsOnThePolicyOfItsServicesCustomers() {
        long resource = Sql.exec(ds, "insert into resource (name, category) values (?, 'olt') returning id", "olt-" + UUID.randomUUID());
        service(customer("CONSUMER"), resource, "ACTIVE");
        service(customer("ENTERPRISE"), resource, "ACTIVE");
        // A wholesale customer's terminated service no longer depends on the resource.
        service(customer("WHOLESALE"), resource, "TERMINATED");
        long bare = Sql.exec(ds, "insert into resource (name, category) values (?, 'olt') returning id", "olt-" + UUID.randomUUID());

        String trouble = create(resource);
        JsonPath sla = GraphQLClient.post(Tokens.sre(), SLA.formatted(trouble)).statusCode(200).extract().jsonPath().setRootPath("data.node");
        assertEquals(Map.of("segment", "ENTERPRISE", "priority", "HIGH", "resolutionMinutes", 480), sla.getMap("sla.policy"));
        // Due 8 h after the trouble was opened (its first status change, within a second of createdAt).
        Duration toResolve = Duration.between(OffsetDateTime.parse(sla.getString("createdAt")), OffsetDateTime.parse(sla.getString("sla.resolutionDueAt")));
        assertEquals(480, Math.round(toResolve.toSeconds() / 60.0));
        assertEquals(false, sla.getBoolean("sla.breached"));

        String unused = create(bare);
        assertNull(GraphQLClient.post(Tokens.sre(), SLA.formatted(unused)).statusCode(200).extract().jsonPath().get("data.node.sla"),
                "no service uses the resource: no clock");

        // The SLA job stores the clock: queues of resource troubles filter and order by it.
        long group = Sql.exec(ds, "insert into work_group (name) values (?) returning id", "RT-" + UUID.randomUUID());
        Sql.exec(ds, "update resource_trouble set work_group_id = ? where id in (?, ?)", group,
                GlobalId.decode("ResourceTrouble", trouble), GlobalId.decode("ResourceTrouble", unused));
        dueTimes.refresh();
        assertEquals("RUNNING", Sql.row(ds, "select resolution_clock from resource_trouble where id = ?",
                GlobalId.decode("ResourceTrouble", trouble)).get("resolution_clock"));
        assertEquals(List.of(trouble), queue(group, "ON_TRACK"));
        assertEquals(List.of(), queue(group, "BREACHED"));
    }

    private static List<String> queue(long group, String state) {
        return GraphQLClient.post(Tokens.sre(), "{ resourceTroubles(filter: {queue: {workGroupId: \"" + GlobalId.encode("WorkGroup", group)
                + "\", slaState: [" + state + "]}}, orderBy: {field: SLA_DUE, direction: ASC}) { edges { node { id } } } }")
                .statusCode(200).extract().jsonPath().getList("data.resourceTroubles.edges.node.id");
    }

    private static String create(long resource) {
        return GraphQLClient.mutateOk(Tokens.sre(), "resourceTroubleCreate", "{title: \"Line card down\", resourceId: \""
                        + GlobalId.encode("Resource", resource) + "\", severity: MAJOR, priority: HIGH, perceivedSeverity: MAJOR}",
                "resourceTrouble { id }").getString("resourceTrouble.id");
    }

    private long customer(String segment) {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'RT SLA Ltd', ?, 700) returning id",
                "RT-" + UUID.randomUUID(), segment);
    }

    private void service(long customer, long resource, String state) {
        long service = Sql.exec(ds, "insert into service (customer_id, name, category, state) values (?, 'Fibre', 'FIBRE', ?) returning id",
                customer, state);
        Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource);
    }
}
