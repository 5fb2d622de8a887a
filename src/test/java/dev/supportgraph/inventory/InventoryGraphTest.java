package dev.supportgraph.inventory;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InventoryGraphTest {

    private static final String SERVICES = """
            query($first: Int, $after: String, $filter: ServiceFilter, $orderBy: ServiceOrder) {
              services(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { id name category state monthlyCharge { amount currency } } } } }""";

    private static final String RESOURCES = """
            query($filter: ResourceFilter, $orderBy: ResourceOrder) {
              resources(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { name location operationalState } } } }""";

    @Inject
    CommerceData data;

    private static String id(String type, long key) {
        return GlobalId.encode(type, key);
    }

    private static ValidatableResponse services(String token, Map<String, Object> variables) {
        return GraphQLClient.post(token, SERVICES, variables).statusCode(200);
    }

    @Test
    void servicesAndResourcesAreLinkedBothWays() {
        String tag = CommerceData.unique("Link");
        long customer = data.customer(tag + " Hospital");
        long sdwan = data.service(customer, tag + " SD-WAN", "SD_WAN", "ACTIVE");
        long fibre = data.service(customer, tag + " fibre", "FIBRE_ACCESS", "ACTIVE");
        long edge = data.resource(tag + "-edge-router", "ROUTER", "Hospital basement", "ENABLE");
        long olt = data.resource(tag + "-olt", "OLT", "Central office 3", "ENABLE");
        data.link(sdwan, edge);
        data.link(fibre, edge);
        data.link(fibre, olt);
        GraphQLClient.post(Tokens.sre(), """
                        query($id: ID!) { node(id: $id) { ... on Customer { services { name customer { name }
                          resources { name services { name } } } } } }""", Map.of("id", id(CustomerType.TYPE, customer)))
                .body("errors", nullValue())
                .body("data.node.services.name", contains(tag + " SD-WAN", tag + " fibre"))
                .body("data.node.services[0].customer.name", equalTo(tag + " Hospital"))
                .body("data.node.services[0].resources.name", contains(tag + "-edge-router"))
                .body("data.node.services[1].resources.name", contains(tag + "-edge-router", tag + "-olt"))
                .body("data.node.services[1].resources[0].services.name", containsInAnyOrder(tag + " SD-WAN", tag + " fibre"));
    }

    @Test
    void filtersAndOrdersServices() {
        String tag = CommerceData.unique("Svc");
        long customer = data.customer(tag);
        long other = data.customer(tag + " other");
        data.service(customer, tag + " b mobile", "MOBILE", "ACTIVE");
        data.service(customer, tag + " a fibre", "FIBRE_ACCESS", "RESERVED");
        data.service(other, tag + " c pbx", "CLOUD_PBX", "ACTIVE");
        services(Tokens.agent(), Map.of("first", 10, "filter", Map.of("search", tag), "orderBy", Map.of("field", "NAME", "direction", "ASC")))
                .body("errors", nullValue())
                .body("data.services.totalCount", equalTo(3))
                .body("data.services.edges.node.name", contains(tag + " a fibre", tag + " b mobile", tag + " c pbx"))
                .body("data.services.edges[0].node.monthlyCharge.amount", equalTo("49.90"));
        services(Tokens.agent(), Map.of("first", 10, "filter", Map.of("search", tag, "customerId", id(CustomerType.TYPE, customer))))
                .body("data.services.totalCount", equalTo(2));
        services(Tokens.agent(), Map.of("first", 10, "filter", Map.of("search", tag, "state", List.of("RESERVED"))))
                .body("data.services.edges.node.name", contains(tag + " a fibre"));
        services(Tokens.agent(), Map.of("first", 10, "filter", Map.of("search", tag, "category", List.of("CLOUD_PBX", "MOBILE"))))
                .body("data.services.edges.node.name", containsInAnyOrder(tag + " b mobile", tag + " c pbx"));
        String cursor = services(Tokens.agent(), Map.of("first", 2, "filter", Map.of("search", tag),
                "orderBy", Map.of("field", "NAME", "direction", "DESC")))
                .body("data.services.pageInfo.hasNextPage", equalTo(true))
                .extract().path("data.services.pageInfo.endCursor");
        services(Tokens.agent(), Map.of("first", 2, "after", cursor, "filter", Map.of("search", tag),
                "orderBy", Map.of("field", "NAME", "direction", "DESC")))
                .body("data.services.edges.node.name", contains(tag + " a fibre"));
    }

    @Test
    void filtersAndOrdersResources() {
        String tag = CommerceData.unique("Res");
        data.resource(tag + "-pbx-1", "PBX_CLUSTER", "Frankfurt DC", "ENABLE");
        data.resource(tag + "-pbx-2", "PBX_CLUSTER", "Amsterdam DC", "DISABLE");
        data.resource(tag + "-rtr", "ROUTER", "Frankfurt DC", "ENABLE");
        GraphQLClient.post(Tokens.sre(), RESOURCES, Map.of("filter", Map.of("search", tag), "orderBy", Map.of("field", "NAME", "direction", "DESC")))
                .body("errors", nullValue())
                .body("data.resources.totalCount", equalTo(3))
                .body("data.resources.edges.node.name", contains(tag + "-rtr", tag + "-pbx-2", tag + "-pbx-1"));
        GraphQLClient.post(Tokens.sre(), RESOURCES, Map.of("filter", Map.of("search", tag, "category", List.of("PBX_CLUSTER"),
                        "operationalState", List.of("DISABLE"))))
                .body("data.resources.edges.node.location", contains("Amsterdam DC"));
        GraphQLClient.post(Tokens.sre(), RESOURCES, Map.of("filter", Map.of("search", tag, "operationalState", List.of("ENABLE")),
                        "orderBy", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("data.resources.edges.node.name", contains(tag + "-pbx-1", tag + "-rtr"));
    }

    @Test
    void nodeFindsServicesAndResources() {
        long customer = data.customer("Node Inventory plc");
        long service = data.service(customer, "Mobile fleet 200 SIMs", "MOBILE", "ACTIVE");
        long resource = data.resource(CommerceData.unique("hlr"), "HLR", "Core site A", "ENABLE");
        GraphQLClient.post(Tokens.agent(), "query($s: ID!, $r: ID!) { s: node(id: $s) { __typename ... on Service { name } }"
                                + " r: node(id: $r) { __typename ... on Resource { category } } }",
                        Map.of("s", id(ServiceType.TYPE, service), "r", id(ResourceType.TYPE, resource)))
                .body("errors", nullValue())
                .body("data.s.__typename", equalTo("Service"))
                .body("data.s.name", equalTo("Mobile fleet 200 SIMs"))
                .body("data.r.__typename", equalTo("Resource"))
                .body("data.r.category", equalTo("HLR"));
    }

    @Test
    void portalCustomersSeeTheirServicesButNoResources() {
        String tag = CommerceData.unique("PortalInv");
        long mine = data.customer(tag + " mine");
        long theirs = data.customer(tag + " theirs");
        long myService = data.service(mine, tag + " my fibre", "FIBRE_ACCESS", "ACTIVE");
        long theirService = data.service(theirs, tag + " their fibre", "FIBRE_ACCESS", "ACTIVE");
        long resource = data.resource(tag + "-olt", "OLT", "Central office", "ENABLE");
        data.link(myService, resource);
        String token = Tokens.customer(mine);
        services(token, Map.of("first", 10, "filter", Map.of("search", tag)))
                .body("data.services.totalCount", equalTo(1))
                .body("data.services.edges.node.name", contains(tag + " my fibre"));
        GraphQLClient.post(token, "query($s: ID!, $t: ID!, $r: ID!) { s: node(id: $s) { ... on Service { name resources { name } } }"
                                + " t: node(id: $t) { id } r: node(id: $r) { id } }",
                        Map.of("s", id(ServiceType.TYPE, myService), "t", id(ServiceType.TYPE, theirService), "r", id(ResourceType.TYPE, resource)))
                .body("errors", nullValue())
                .body("data.s.name", equalTo(tag + " my fibre"))
                .body("data.s.resources", empty())
                .body("data.t", nullValue())
                .body("data.r", nullValue());
        GraphQLClient.post(token, RESOURCES, Map.of("filter", Map.of("search", tag)))
                .body("errors", nullValue())
                .body("data.resources.totalCount", equalTo(0))
                .body("data.resources.edges", empty());
    }
}
