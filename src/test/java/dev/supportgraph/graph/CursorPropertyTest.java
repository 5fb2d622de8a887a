package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import net.jqwik.api.Tag;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import java.time.OffsetDateTime;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Keyset cursors as data (no Quarkus, no database): what the server hands out decodes back to the
 * same position, only for the ordering it was made for; anything else a client sends is
 * INVALID_CURSOR, never another failure.
 */
@Tag("pure")
class CursorPropertyTest {

    @Property(tries = 500)
    void aCursorDecodesToItselfForItsOrdering(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String ordering,
                                              @ForAll String value, @ForAll long id) {
        // A sort key's text never holds the separator or NUL (PostgreSQL text cannot hold NUL).
        String text = value.replace('\u001f', ' ').replace('\u0000', ' ');
        Cursor cursor = new Cursor(ordering, text, id);
        assertEquals(cursor, Cursor.decode(cursor.encode(), ordering));
        invalid(() -> Cursor.decode(cursor.encode(), ordering + "x"));
    }

    @Property(tries = 1000)
    void anythingElseIsAnInvalidCursor(@ForAll String encoded) {
        try {
            Cursor cursor = Cursor.decode(encoded, "createdAt");
            assertEquals("createdAt", cursor.ordering());
        } catch (ApiException e) {
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
        }
    }

    @Example
    void aCursorWhoseValueIsNotOfTheKeysTypeIsInvalid() {
        SortKey<Object> createdAt = new SortKey<>("createdAt", "e.createdAt", Function.identity(), SortKey.TIMESTAMP);
        assertEquals(OffsetDateTime.parse("2025-01-01T00:00Z"), createdAt.parse("2025-01-01T00:00Z"));
        invalid(() -> createdAt.parse("yesterday"));
        invalid(() -> Cursor.decode(new Cursor("createdAt", "x\u0000y", 1).encode(), "createdAt"));
        invalid(() -> Cursor.decode("not base64 !", "createdAt"));
    }

    private static void invalid(Runnable decode) {
        assertEquals(ErrorCode.INVALID_CURSOR, assertThrows(ApiException.class, decode::run).code());
    }
}
