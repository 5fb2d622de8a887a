package dev.supportgraph.graph;

import org.eclipse.microprofile.graphql.Description;

/** Relay page information. */
@Description("Where a page sits in the whole list (Relay PageInfo).")
public record PageInfo(
        @Description("Whether there are items after this page (page on with after: endCursor).") boolean hasNextPage,
        @Description("Whether there are items before this page (page back with before: startCursor).") boolean hasPreviousPage,
        @Description("Cursor of the first item of this page; null when the page is empty.") String startCursor,
        @Description("Cursor of the last item of this page; null when the page is empty.") String endCursor) {
}
