package dev.supportgraph.events;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;

/**
 * The client-facing event id, also the cursor of {@code after:}: fixed width so that it sorts as
 * a string in event order (clients compare or de-duplicate with it but should not parse it).
 */
public final class EventId {

    private static final String PREFIX = "E";

    private EventId() {
    }

    public static String encode(long id) {
        return PREFIX + String.format("%019d", id);
    }

    /** The outbox id of an event id; anything this server did not hand out is INVALID_CURSOR. */
    public static long decode(String value) {
        if (value.length() == 20 && value.startsWith(PREFIX)) {
            try {
                return Long.parseLong(value.substring(1));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ApiException.of(ErrorCode.INVALID_CURSOR, "Not an event id: " + value);
    }
}
