package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position: the value of the sort key and the id of a row, tagged with the ordering it
 * belongs to, so a cursor of one ordering cannot be replayed against another. Opaque to clients.
 */
public record Cursor(String ordering, String value, long id) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        String raw = ordering + SEPARATOR + value + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor handed out for {@code ordering}; anything else is INVALID_CURSOR. */
    public static Cursor decode(String encoded, String ordering) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            // NUL cannot be a sort key's text (PostgreSQL rejects it in text parameters): never handed out.
            if (parts.length == 3 && parts[0].equals(ordering) && raw.indexOf('\u0000') < 0) {
                return new Cursor(parts[0], parts[1], Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.of(ErrorCode.INVALID_CURSOR, "Not a cursor of this list and ordering: " + encoded);
    }
}
