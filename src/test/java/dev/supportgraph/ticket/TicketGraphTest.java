package dev.supportgraph.ticket;

import dev.supportgraph.billing.InvoiceType;
import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.problem.ProblemReportType;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.SqlStatements;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tickets in the graph over real HTTP with signed tokens: relations, lists, node, portal scope, statement bound. */
@QuarkusTest
class TicketGraphTest {

    @Inject
    TicketFixtures fixtures;

    @Inject
    SqlStatements statements;

    TicketFixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world("TK" + System.nanoTime());
    }

    private static String id(String type, long key) {
        return GlobalId.encode(type, key);
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return GraphQLClient.post(token, query, variables).statusCode(200).body("errors", nullValue());
    }

    private String reportA() {
        return id(ProblemReportType.TYPE, w.reportA());
    }

    @Test
    void problemReportReachesEverythingItRefersTo() {
        ok(Tokens.agent(), """
                query($id: ID!) { node(id: $id) { ... on ProblemReport {
                  number title status priority severity channel
                  customer { accountNumber } reportedBy { name } relatedOrder { id } relatedService { name }
                  relatedInvoice { id }
                  serviceTroubles { title impact urgency parent { id } children { title }
                                    affectedServices { name } problemReports { title }
                                    resourceTroubles { localization perceivedSeverity resource { name } serviceTroubles { id } } }
                  notes { visibility body } statusHistory { from to actor } } } }""", Map.of("id", reportA()))
                .body("data.node.status", equalTo("IN_PROGRESS"))
                .body("data.node.customer.accountNumber", equalTo(w.tag() + "-A"))
                .body("data.node.reportedBy.name", equalTo("Ann"))
                .body("data.node.relatedOrder.id", equalTo(id(ProductOrderType.TYPE, w.orderA())))
                .body("data.node.relatedService.name", equalTo("Fibre 1G"))
                .body("data.node.relatedInvoice.id", equalTo(id(InvoiceType.TYPE, w.invoiceA())))
                .body("data.node.serviceTroubles.title", contains(w.tag() + " fibre cut"))
                .body("data.node.serviceTroubles[0].parent", nullValue())
                .body("data.node.serviceTroubles[0].children.title", contains(w.tag() + " child"))
                .body("data.node.serviceTroubles[0].affectedServices.name", contains("Fibre 1G"))
                .body("data.node.serviceTroubles[0].problemReports.title", contains(w.tag() + " beta billing", w.tag() + " alpha outage"))
                .body("data.node.serviceTroubles[0].resourceTroubles[0].resource.name", equalTo(w.tag() + "-olt"))
                .body("data.node.serviceTroubles[0].resourceTroubles[0].serviceTroubles.id",
                        contains(id(ServiceTroubleType.TYPE, w.trouble())))
                .body("data.node.notes.visibility", contains("PUBLIC", "INTERNAL"))
                .body("data.node.statusHistory.to", contains("ACKNOWLEDGED", "IN_PROGRESS"))
                .body("data.node.statusHistory[0].from", nullValue());
    }

    @Test
    void everyReverseEdgeLeadsBackToTheTickets() {
        ok(Tokens.admin(), """
                query($customer: ID!, $contact: ID!, $order: ID!, $service: ID!, $resource: ID!, $invoice: ID!, $child: ID!) {
                  customer: node(id: $customer) { ... on Customer { problemReports(first: 5) { totalCount edges { node { title } } } } }
                  contact: node(id: $contact) { ... on Contact { reportedProblems { title } } }
                  order: node(id: $order) { ... on ProductOrder { problemReports { title } } }
                  service: node(id: $service) { ... on Service { problemReports { title } serviceTroubles { title } } }
                  resource: node(id: $resource) { ... on Resource { resourceTroubles { title notes { body } statusHistory { to } } } }
                  invoice: node(id: $invoice) { ... on Invoice { problemReports { title } } }
                  child: node(id: $child) { ... on ServiceTrouble { parent { title } } } }""",
                Map.of("customer", id(CustomerType.TYPE, w.customerA()), "contact", id(ContactType.TYPE, w.contactA()),
                        "order", id(ProductOrderType.TYPE, w.orderA()), "service", id(ServiceType.TYPE, w.serviceA()),
                        "resource", id(ResourceType.TYPE, w.resource()), "invoice", id(InvoiceType.TYPE, w.invoiceA()),
                        "child", id(ServiceTroubleType.TYPE, w.childTrouble())))
                .body("data.customer.problemReports.totalCount", equalTo(1))
                .body("data.customer.problemReports.edges.node.title", contains(w.tag() + " alpha outage"))
                .body("data.contact.reportedProblems.title", contains(w.tag() + " alpha outage"))
                .body("data.order.problemReports.title", contains(w.tag() + " alpha outage"))
                .body("data.service.problemReports.title", contains(w.tag() + " alpha outage"))
                .body("data.service.serviceTroubles.title", contains(w.tag() + " fibre cut"))
                .body("data.resource.resourceTroubles.title", contains(w.tag() + " olt down"))
                .body("data.resource.resourceTroubles[0].notes", empty())
                .body("data.resource.resourceTroubles[0].statusHistory.to", contains("ACKNOWLEDGED"))
                .body("data.invoice.problemReports.title", contains(w.tag() + " alpha outage"))
                .body("data.child.parent.title", equalTo(w.tag() + " fibre cut"));
    }

    @Test
    void nodeResolvesEveryTicketType() {
        // The engine too (the planner answers by default): its interface resolution must match the
        // executed schema's types, which SchemaConventions replaced to describe them.
        for (boolean engine : new boolean[] {false, true}) {
            nodeResolvesEveryTicketType(engine);
        }
    }

    private void nodeResolvesEveryTicketType(boolean engine) {
        String query = """
                query($pr: ID!, $st: ID!, $rt: ID!, $note: ID!) {
                  pr: node(id: $pr) { __typename id ... on Ticket { number } }
                  st: node(id: $st) { __typename id ... on Ticket { number } }
                  rt: node(id: $rt) { __typename id ... on Ticket { number } }
                  note: node(id: $note) { __typename ... on TicketNote { body } } }""";
        Map<String, Object> variables = Map.of("pr", reportA(), "st", id(ServiceTroubleType.TYPE, w.trouble()),
                "rt", id(ResourceTroubleType.TYPE, w.resourceTrouble()), "note", id(NoteType.TYPE, w.internalNote()));
        (engine ? GraphQLClient.reference(Tokens.agent(), "application/json", query, variables)
                : GraphQLClient.post(Tokens.agent(), query, variables)).statusCode(200).body("errors", nullValue())
                .body("data.pr.__typename", equalTo("ProblemReport"))
                .body("data.pr.id", equalTo(reportA()))
                .body("data.pr.number", equalTo(number(w.reportA())))
                .body("data.st.__typename", equalTo("ServiceTrouble"))
                .body("data.st.number", startsWith("ST-"))
                .body("data.rt.__typename", equalTo("ResourceTrouble"))
                .body("data.rt.number", startsWith("RT-"))
                .body("data.note.body", equalTo("Linked to the fibre cut"));
    }

    private String number(long report) {
        return ok(Tokens.agent(), "query($id: ID!) { problemReport(id: $id) { number } }",
                Map.of("id", id(ProblemReportType.TYPE, report))).extract().path("data.problemReport.number");
    }

    @Test
    void eachProblemReportFilterNarrowsTheList() {
        String list = """
                query($f: ProblemReportFilter) { problemReports(first: 10, filter: $f, orderBy: {field: NUMBER, direction: ASC}) {
                  totalCount edges { node { title } } } }""";
        String alpha = w.tag() + " alpha outage";
        String beta = w.tag() + " beta billing";
        Map<Map<String, Object>, List<String>> cases = Map.ofEntries(
                Map.entry(Map.of(), List.of(alpha, beta)),
                Map.entry(Map.of("status", List.of("IN_PROGRESS")), List.of(alpha)),
                Map.entry(Map.of("priority", List.of("LOW")), List.of(beta)),
                Map.entry(Map.of("severity", List.of("MAJOR", "CRITICAL")), List.of(alpha)),
                Map.entry(Map.of("channel", List.of("EMAIL")), List.of(beta)),
                Map.entry(Map.of("customerId", id(CustomerType.TYPE, w.customerB())), List.of(beta)),
                Map.entry(Map.of("createdFrom", "2025-03-15T00:00:00Z"), List.of(beta)),
                Map.entry(Map.of("createdTo", "2025-03-15T00:00:00Z"), List.of(alpha)),
                Map.entry(Map.of("updatedFrom", "2025-03-05T10:00:00Z", "updatedTo", "2025-03-06T00:00:00Z"), List.of(alpha)),
                Map.entry(Map.of("search", w.tag().toLowerCase() + " BETA"), List.of(beta)));
        cases.forEach((extra, expected) -> {
            Map<String, Object> filter = new HashMap<>(extra);
            filter.putIfAbsent("search", w.tag());
            ok(Tokens.agent(), list, Map.of("f", filter))
                    .body("data.problemReports.totalCount", equalTo(expected.size()))
                    .body("data.problemReports.edges.node.title", equalTo(expected));
        });
        String number = number(w.reportB());
        ok(Tokens.agent(), list, Map.of("f", Map.of("search", number.toLowerCase())))
                .body("data.problemReports.edges.node.title", contains(beta));
    }

    @Test
    void troubleFiltersNarrowTheirLists() {
        ok(Tokens.sre(), """
                query($s: String) {
                  a: serviceTroubles(filter: {search: $s, impact: [EXTENSIVE]}) { edges { node { title } } }
                  b: serviceTroubles(filter: {search: $s, status: [ACKNOWLEDGED], priority: [LOW], severity: [MINOR]}) { edges { node { title } } }
                  c: resourceTroubles(filter: {search: $s, perceivedSeverity: [MAJOR], createdFrom: "2000-01-01T00:00:00Z"}) { totalCount }
                  d: resourceTroubles(filter: {search: $s, perceivedSeverity: [CLEARED]}) { totalCount edges { cursor } pageInfo { hasNextPage startCursor } } }""",
                Map.of("s", w.tag()))
                .body("data.a.edges.node.title", contains(w.tag() + " fibre cut"))
                .body("data.b.edges.node.title", contains(w.tag() + " child"))
                .body("data.c.totalCount", equalTo(1))
                .body("data.d.totalCount", equalTo(0))
                .body("data.d.edges", empty())
                .body("data.d.pageInfo.hasNextPage", equalTo(false))
                .body("data.d.pageInfo.startCursor", nullValue());
    }

    @Test
    void orderByEachFieldAndPaginationEdges() {
        String tag = w.tag() + "P";
        long customer = fixtures.customer(tag);
        // 105 reports: priorities cycle, creation and update times spread one minute apart.
        fixtures.exec("""
                insert into problem_report (customer_id, title, severity, priority, channel, created_at, updated_at)
                select ?, ? || ' ' || lpad(g::text, 3, '0'), 'MINOR', (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], 'PORTAL',
                       timestamptz '2025-01-01 00:00Z' + g * interval '1 minute', timestamptz '2025-06-01 00:00Z' - g * interval '1 minute'
                from generate_series(1, 105) g""", customer, tag);
        String list = """
                query($f: ProblemReportFilter, $o: TicketOrder, $first: Int, $after: String, $last: Int, $before: String) {
                  problemReports(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
                    totalCount edges { cursor node { title priority } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";
        Map<String, Object> f = Map.of("search", tag);
        ValidatableResponse created = ok(Tokens.agent(), list, Map.of("f", f, "first", 3,
                "o", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("data.problemReports.totalCount", equalTo(105))
                .body("data.problemReports.edges.node.title", contains(tag + " 001", tag + " 002", tag + " 003"))
                .body("data.problemReports.pageInfo.hasNextPage", equalTo(true))
                .body("data.problemReports.pageInfo.hasPreviousPage", equalTo(false));
        String end = created.extract().path("data.problemReports.pageInfo.endCursor");
        ValidatableResponse next = ok(Tokens.agent(), list, Map.of("f", f, "first", 2, "after", end,
                "o", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("data.problemReports.edges.node.title", contains(tag + " 004", tag + " 005"))
                .body("data.problemReports.pageInfo.hasPreviousPage", equalTo(true));
        String start = next.extract().path("data.problemReports.pageInfo.startCursor");
        ok(Tokens.agent(), list, Map.of("f", f, "last", 2, "before", start, "o", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("data.problemReports.edges.node.title", contains(tag + " 002", tag + " 003"))
                .body("data.problemReports.pageInfo.hasPreviousPage", equalTo(true))
                .body("data.problemReports.pageInfo.hasNextPage", equalTo(true));
        ok(Tokens.agent(), list, Map.of("f", f, "last", 2, "o", Map.of("field", "CREATED_AT", "direction", "ASC")))
                .body("data.problemReports.edges.node.title", contains(tag + " 104", tag + " 105"))
                .body("data.problemReports.pageInfo.hasNextPage", equalTo(false));
        ok(Tokens.agent(), list, Map.of("f", f, "first", 2, "o", Map.of("field", "UPDATED_AT", "direction", "ASC")))
                .body("data.problemReports.edges.node.title", contains(tag + " 105", tag + " 104"));
        ok(Tokens.agent(), list, Map.of("f", f, "first", 2, "o", Map.of("field", "NUMBER", "direction", "DESC")))
                .body("data.problemReports.edges.node.title", contains(tag + " 105", tag + " 104"));
        ok(Tokens.agent(), list, Map.of("f", f, "first", 100, "o", Map.of("field", "PRIORITY", "direction", "ASC")))
                .body("data.problemReports.edges", hasSize(100))
                .body("data.problemReports.edges[0].node.priority", equalTo("CRITICAL"))
                .body("data.problemReports.edges[30].node.priority", equalTo("HIGH"))
                .body("data.problemReports.edges[99].node.priority", equalTo("LOW"));
        // Walking the whole list by priority with cursors visits every report exactly once.
        String prioEnd = ok(Tokens.agent(), list, Map.of("f", f, "first", 100,
                "o", Map.of("field", "PRIORITY", "direction", "DESC"))).extract().path("data.problemReports.pageInfo.endCursor");
        ok(Tokens.agent(), list, Map.of("f", f, "first", 100, "after", prioEnd,
                "o", Map.of("field", "PRIORITY", "direction", "DESC")))
                .body("data.problemReports.edges", hasSize(5))
                .body("data.problemReports.edges.node.priority", equalTo(List.of("CRITICAL", "CRITICAL", "CRITICAL", "CRITICAL", "CRITICAL")))
                .body("data.problemReports.pageInfo.hasNextPage", equalTo(false));
        ok(Tokens.agent(), list, Map.of("f", Map.of("search", tag + " nothing"), "first", 5))
                .body("data.problemReports.totalCount", equalTo(0))
                .body("data.problemReports.edges", empty());
        GraphQLClient.post(Tokens.agent(), list, Map.of("f", f, "first", 101)).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        GraphQLClient.post(Tokens.agent(), "{ serviceTroubles(last: 101) { totalCount } }").statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        ok(Tokens.agent(), """
                query($id: ID!) { node(id: $id) { ... on Customer { problemReports(first: 100, orderBy: {field: NUMBER, direction: ASC}) {
                  totalCount edges { node { title } } pageInfo { hasNextPage } } } } }""", Map.of("id", id(CustomerType.TYPE, customer)))
                .body("data.node.problemReports.totalCount", equalTo(105))
                .body("data.node.problemReports.edges", hasSize(100))
                .body("data.node.problemReports.edges[0].node.title", equalTo(tag + " 001"))
                .body("data.node.problemReports.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void portalCustomerSeesOnlyTheirOwnProblemReportsAndNoInternals() {
        String portal = Tokens.customer(w.customerA());
        ok(portal, """
                query($mine: ID!, $theirs: ID!, $st: ID!, $rt: ID!, $internal: ID!, $public: ID!, $s: String) {
                  mine: node(id: $mine) { ... on ProblemReport { title serviceTroubles { id } notes { body visibility } statusHistory { to } } }
                  theirs: node(id: $theirs) { id }
                  st: node(id: $st) { id }
                  rt: node(id: $rt) { id }
                  internal: node(id: $internal) { id }
                  public: node(id: $public) { id }
                  problemReports(filter: {search: $s}) { totalCount edges { node { title } } }
                  other: problemReports(filter: {search: $s, customerId: "%s"}) { totalCount }
                  serviceTroubles(filter: {search: $s}) { totalCount edges { cursor } }
                  resourceTroubles { totalCount edges { cursor } } }""".formatted(id(CustomerType.TYPE, w.customerB())),
                Map.of("mine", reportA(), "theirs", id(ProblemReportType.TYPE, w.reportB()),
                        "st", id(ServiceTroubleType.TYPE, w.trouble()), "rt", id(ResourceTroubleType.TYPE, w.resourceTrouble()),
                        "internal", id(NoteType.TYPE, w.internalNote()), "public", id(NoteType.TYPE, w.publicNote()), "s", w.tag()))
                .body("data.mine.title", equalTo(w.tag() + " alpha outage"))
                .body("data.mine.serviceTroubles", empty())
                .body("data.mine.notes.visibility", contains("PUBLIC"))
                .body("data.mine.statusHistory", hasSize(2))
                .body("data.theirs", nullValue())
                .body("data.st", nullValue())
                .body("data.rt", nullValue())
                .body("data.internal", nullValue())
                .body("data.public.id", equalTo(id(NoteType.TYPE, w.publicNote())))
                .body("data.problemReports.totalCount", equalTo(1))
                .body("data.problemReports.edges.node.title", contains(w.tag() + " alpha outage"))
                .body("data.other.totalCount", equalTo(0))
                .body("data.serviceTroubles.totalCount", equalTo(0))
                .body("data.serviceTroubles.edges", empty())
                .body("data.resourceTroubles.totalCount", equalTo(0));
        // Nested paths: the other customer's report stays invisible through their contact and the portal's own customer.
        ok(portal, """
                query($me: ID!, $service: ID!) {
                  me: node(id: $me) { ... on Customer { problemReports { totalCount edges { node { title } } } } }
                  service: node(id: $service) { ... on Service { serviceTroubles { id } problemReports { title } } } }""",
                Map.of("me", id(CustomerType.TYPE, w.customerA()), "service", id(ServiceType.TYPE, w.serviceA())))
                .body("data.me.problemReports.totalCount", equalTo(1))
                .body("data.service.serviceTroubles", empty())
                .body("data.service.problemReports.title", contains(w.tag() + " alpha outage"));
        ok(Tokens.customer(w.customerB()), "query($id: ID!) { node(id: $id) { ... on Customer { problemReports { totalCount } } } }",
                Map.of("id", id(CustomerType.TYPE, w.customerA())))
                .body("data.node", nullValue());
    }

    @Test
    void statementsAreBoundedByDepthNotByData() {
        String tag = w.tag() + "N";
        long customer = fixtures.customer(tag);
        String query = """
                query($s: String) { problemReports(first: 100, filter: {search: $s}) { edges { node {
                  number customer { name } reportedBy { name }
                  serviceTroubles { title resourceTroubles { title resource { name } } }
                  notes { body } statusHistory { to } sla { breached } } } } }""";
        fixtures.busyReports(customer, tag, 25);
        long small = count(query, tag, 25);
        fixtures.busyReports(customer, tag, 25);
        long doubled = count(query, tag, 50);
        fixtures.busyReports(customer, tag, 50);
        long redoubled = count(query, tag, 100);
        assertEquals(small, doubled, "statements grew with the data");
        assertEquals(small, redoubled, "statements grew with the data");
        // On the engine (sla is computed in Java, so the planner leaves the document to it): page, customer,
        // reportedBy, serviceTroubles, resourceTroubles, resource, notes, statusHistory, sla.
        assertEquals(9, small, "one statement per level");
    }

    private long count(String query, String tag, int expected) {
        return statements.count((Runnable) () -> ok(Tokens.agent(), query, Map.of("s", tag))
                    .body("data.problemReports.edges", hasSize(expected))
                    .body("data.problemReports.edges[0].node.serviceTroubles[0].resourceTroubles[0].resource.name", startsWith(tag))
                    .body("data.problemReports.edges[0].node.notes", hasSize(2))
                    .body("data.problemReports.edges[0].node.statusHistory", hasSize(2)));
    }
}
