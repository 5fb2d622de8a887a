package dev.supportgraph.ticket;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;

/**
 * The three kinds of ticket, one table each. The constant name is also the
 * {@code outbox_event.aggregate} of their events, {@link #nodeType} the type name in their global ids.
 */
@Name("TicketKind")
@Description("The kind of a ticket.")
public enum TicketKind {
    @Description("A customer problem report (TMF621 trouble ticket).")
    PROBLEM_REPORT("ProblemReport", "problem_report"),
    @Description("A service trouble (TMF656 service problem).")
    SERVICE_TROUBLE("ServiceTrouble", "service_trouble"),
    @Description("A resource trouble (TMF642 alarm).")
    RESOURCE_TROUBLE("ResourceTrouble", "resource_trouble");

    public final String nodeType;
    /** The kind's table; a constant, never client text, so it may be spliced into SQL. */
    @Ignore
    public final String table;

    TicketKind(String nodeType, String table) {
        this.nodeType = nodeType;
        this.table = table;
    }

    /** The kind whose global ids carry this type name, or null. */
    public static TicketKind ofNodeType(String nodeType) {
        for (TicketKind kind : values()) {
            if (kind.nodeType.equals(nodeType)) {
                return kind;
            }
        }
        return null;
    }
}
