package dev.supportgraph.graph;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.error.ApiException;

/**
 * Validated Relay arguments: either forward ({@code first}/{@code after}) or backward
 * ({@code last}/{@code before}), never both, size between 1 and the configured maximum.
 *
 * @param size     rows wanted
 * @param backward true for last/before
 * @param cursor   the raw after/before cursor, or null
 */
public record PageRequest(int size, boolean backward, String cursor) {

    public static PageRequest of(Integer first, String after, Integer last, String before,
                                 SupportGraphConfig.Paging limits) {
        if (first != null && last != null) {
            throw ApiException.badInput("Pass either first or last, not both");
        }
        if (after != null && before != null) {
            throw ApiException.badInput("Pass either after or before, not both");
        }
        if ((last != null || before != null) && (first != null || after != null)) {
            throw ApiException.badInput("Page forward (first/after) or backward (last/before), not both");
        }
        boolean backward = last != null || before != null;
        Integer requested = backward ? last : first;
        int size = requested == null ? limits.defaultSize() : requested;
        if (size < 1 || size > limits.maxSize()) {
            throw ApiException.badInput((backward ? "last" : "first") + " must be between 1 and " + limits.maxSize()
                    + ", was " + size);
        }
        return new PageRequest(size, backward, backward ? before : after);
    }
}
