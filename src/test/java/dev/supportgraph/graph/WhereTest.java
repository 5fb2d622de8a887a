package dev.supportgraph.graph;

import net.jqwik.api.Tag;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The HQL that filters render (no Quarkus, no database): golden statement texts, parameters bound
 * by name and never spliced in, and an absent filter value adding nothing.
 */
@Tag("pure")
class WhereTest {

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2025-01-01T00:00Z");
    private static final OffsetDateTime TO = OffsetDateTime.parse("2025-02-01T00:00Z");

    @Example
    void everyConditionRendersItsGoldenTextWithNumberedParameters() {
        Where where = new Where()
                .eq("e.status", "IN_PROGRESS")
                .isNull("e.closedAt", true)
                .isNull("e.assigneeId", false)
                .in("e.severity", List.of("MAJOR", "MINOR"))
                .between("e.createdAt", FROM, TO)
                .search("  50%_Off\\ ", "e.title", "e.number")
                .keyIn("e.customerId", List.of(3L, 1L));
        assertEquals("e.status = :p0 and e.closedAt is null and e.assigneeId is not null and e.severity in (:p1)"
                + " and e.createdAt >= :p2 and e.createdAt < :p3"
                + " and (lower(e.title) like :p4 escape '\\' or lower(e.number) like :p4 escape '\\')"
                + " and key_in(e.customerId, :p5)", where.hql());
        assertEquals(8, where.conditions().size());
        Map<String, Object> params = where.params();
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5"), params.keySet().stream().sorted().toList());
        assertEquals("IN_PROGRESS", params.get("p0"));
        assertEquals(List.of("MAJOR", "MINOR"), params.get("p1"));
        assertEquals(FROM, params.get("p2"));
        assertEquals(TO, params.get("p3"));
        assertEquals("%50\\%\\_off\\\\%", params.get("p4"));
        assertArrayEquals(new Long[]{3L, 1L}, (Long[]) params.get("p5"));
    }

    @Example
    void absentValuesAddNothing() {
        Where where = new Where().eq("e.status", null).isNull("e.closedAt", null).in("e.severity", null)
                .in("e.severity", List.of()).between("e.createdAt", null, null).search(" \t", "e.title")
                .any(List.of(), Map.of("x", 1));
        assertEquals("", where.hql());
        assertEquals(Map.of(), where.params());
        assertEquals("e.createdAt < :p0", new Where().between("e.createdAt", null, TO).hql());
    }

    /** An empty key list still renders one condition (nothing matches), with the same text as any other list. */
    @Example
    void anEmptyKeyListMatchesNothingWithTheSameStatementText() {
        Where none = new Where().keyIn("e.id", List.of());
        assertEquals("key_in(e.id, :p0)", none.hql());
        assertArrayEquals(new Long[0], (Long[]) none.params().get("p0"));
        assertEquals(none.hql(), new Where().keyIn("e.id", List.of(1L, 2L, 3L)).hql());
    }

    /** any(): each :name used is renamed to a fresh parameter (whole names only); unused ones are not bound. */
    @Example
    void alternativesBindTheNamesTheyUse() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("at", FROM);
        values.put("atLeast", 2);
        values.put("unused", "x");
        Where where = new Where().eq("e.status", "NEW")
                .any(List.of("e.dueAt < :at", "e.level >= :atLeast and e.startedAt < :at"), values);
        assertEquals("e.status = :p0 and (e.dueAt < :p1 or e.level >= :p2 and e.startedAt < :p1)", where.hql());
        assertEquals(Map.of("p0", "NEW", "p1", FROM, "p2", 2), where.params());
    }

    /** Whatever is searched, the text only reaches the statement as an escaped parameter. */
    @Property(tries = 500)
    void searchTextIsBoundEscapedAndNeverRendered(@ForAll String text) {
        Where where = new Where().search(text, "e.title");
        String pattern = Where.likePattern(text);
        if (pattern == null) {
            assertEquals("", where.hql());
            return;
        }
        assertEquals("(lower(e.title) like :p0 escape '\\')", where.hql());
        assertEquals(pattern, where.params().get("p0"));
        String inner = pattern.substring(1, pattern.length() - 1);
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                c = inner.charAt(++i);
            } else {
                assertFalse(c == '%' || c == '_', () -> "an unescaped wildcard in " + pattern);
            }
            unescaped.append(c);
        }
        assertEquals(text.strip().toLowerCase(Locale.ROOT), unescaped.toString());
    }

    @Example
    void blankSearchesHaveNoPattern() {
        assertNull(Where.likePattern(null));
        assertNull(Where.likePattern(" \n"));
    }
}
