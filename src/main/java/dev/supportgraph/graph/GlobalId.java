package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global ids ({@code Node.id}): base64url of {@code Type:databaseId}. Clients must not
 * parse them; the server decodes them to route {@code node(id:)} and to check argument types.
 */
public record GlobalId(String type, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static String encode(String type, long id) {
        return ENCODER.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any global id; a malformed one is an {@link ApiException} with code INVALID_ID. */
    public static GlobalId decode(String value) {
        try {
            String raw = new String(DECODER.decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw invalid(value);
            }
            return new GlobalId(raw.substring(0, colon), Long.parseLong(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw invalid(value);
        }
    }

    /** Decodes an id that must name an object of {@code expectedType}. */
    public static long decode(String expectedType, String value) {
        GlobalId id = decode(value);
        if (!id.type().equals(expectedType)) {
            throw ApiException.of(ErrorCode.INVALID_ID, "Expected the id of a " + expectedType + ": " + value);
        }
        return id.id();
    }

    @Override
    public String toString() {
        return encode(type, id);
    }

    private static ApiException invalid(String value) {
        return ApiException.of(ErrorCode.INVALID_ID, "Not a valid id: " + value);
    }
}
