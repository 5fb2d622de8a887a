package dev.supportgraph.graph;

import graphql.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generic input checks on their own (no Quarkus): literals and variables against the schema's types. */
@Tag("pure")
class InputCheckTest {

    static final InputCheck.Limits LIMITS = new InputCheck.Limits(1000, 10_000, Set.of("description", "body"), 1900, 9999);

    static void check(String query, Map<String, Object> variables) {
        InputCheck.check(PublishedSdl.get(), Parser.parse(query), variables, LIMITS);
    }

    static QueryRefused refused(String query, Map<String, Object> variables) {
        QueryRefused refused = assertThrows(QueryRefused.class, () -> check(query, variables));
        assertEquals("BAD_USER_INPUT", refused.getExtensions().get("code"));
        return refused;
    }

    @Test
    void textLongerThanItsLimitIsRefusedNamingTheField() {
        String create = "mutation($input: ProblemReportCreateInput!) { problemReportCreate(input: $input) { problemReport { id } } }";
        Map<String, Object> input = Map.of("title", "t", "priority", "HIGH", "severity", "MINOR", "description", "d".repeat(10_001));
        assertEquals(List.of("input", "description"), refused(create, Map.of("input", input)).getExtensions().get("field"));
        check(create, Map.of("input", Map.of("title", "t", "description", "d".repeat(10_000))));
        QueryRefused literal = refused("{ customers(filter: { search: \"" + "s".repeat(1001) + "\" }) { totalCount } }", Map.of());
        assertEquals(List.of("customers", "filter", "search"), literal.getExtensions().get("field"));
    }

    @Test
    void nulCharactersAreRefusedWherever() {
        assertEquals(List.of("c"), refused("query($c: String) { customers(after: $c) { totalCount } }",
                Map.of("c", "abc\u0000")).getExtensions().get("field"));
        refused("{ customers(filter: { search: \"a\\u0000b\" }) { totalCount } }", Map.of());
        refused("query($f: CustomerFilter) { customers(filter: $f) { totalCount } }", Map.of("f", Map.of("search", "\u0000")));
    }

    @Test
    void intsOutsideThirtyTwoBitsAreRefused() {
        refused("{ customers(first: 4294967396) { totalCount } }", Map.of());
        assertEquals(List.of("n"), refused("query($n: Int) { customers(first: $n) { totalCount } }",
                Map.of("n", 4_294_967_396L)).getExtensions().get("field"));
        refused("query($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", -2_147_483_649L));
        check("query($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", Integer.MAX_VALUE));
    }

    @Test
    void datesOutsideTheYearsAreRefused() {
        assertEquals(List.of("orders", "filter", "createdFrom"),
                refused("{ orders(filter: { createdFrom: \"0001-01-01T00:00:00Z\" }) { totalCount } }", Map.of())
                        .getExtensions().get("field"));
        assertEquals(List.of("f", "createdTo"), refused("query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
                Map.of("f", Map.of("createdTo", "+10000-01-01T00:00:00Z"))).getExtensions().get("field"));
        refused("query($d: Date) { invoices(filter: { billDateFrom: $d }) { totalCount } }", Map.of("d", "1899-12-31"));
        check("query($d: Date) { invoices(filter: { billDateFrom: $d }) { totalCount } }", Map.of("d", "1900-01-01"));
        check("{ orders(filter: { createdTo: \"9999-12-31T23:59:59Z\" }) { totalCount } }", Map.of());
    }

    @Test
    void rangesWhoseStartIsAfterTheirEndAreRefused() {
        assertEquals(List.of("orders", "filter", "createdFrom"), refused("{ orders(filter: { createdFrom: \"2026-02-01T00:00:00Z\","
                + " createdTo: \"2026-01-01T00:00:00Z\" }) { totalCount } }", Map.of()).getExtensions().get("field"));
        // Offsets count: 00:00+02:00 is 22:00 UTC of the day before.
        assertEquals(List.of("f", "updatedFrom"), refused("query($f: ProblemReportFilter) { problemReports(filter: $f) { totalCount } }",
                Map.of("f", Map.of("updatedFrom", "2026-01-01T03:00:00+02:00", "updatedTo", "2026-01-01T00:00:00Z")))
                .getExtensions().get("field"));
        check("query($f: ProblemReportFilter) { problemReports(filter: $f) { totalCount } }",
                Map.of("f", Map.of("updatedFrom", "2026-01-01T01:00:00+02:00", "updatedTo", "2026-01-01T00:00:00Z")));
        refused("query($f: InvoiceFilter) { invoices(filter: $f) { totalCount } }",
                Map.of("f", Map.of("billDateFrom", "2026-03-02", "billDateTo", "2026-03-01")));
        check("{ invoices(filter: { billDateFrom: \"2026-03-01\", billDateTo: \"2026-03-01\" }) { totalCount } }", Map.of());
    }
}
