package dev.supportgraph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an entity whose rows a portal customer sees only in part, even of their own tickets: the HQL
 * condition on {@code e} that the rows they see meet. On an entity without an owning customer it
 * is the whole rule (rows without it are staff only). The services apply it to customers' reads
 * (e.g. {@code ticket.TicketNote}: PUBLIC notes only); the query planner ({@code graph.compiled})
 * adds it to the row scope, so both answer the same rows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CustomerSees {

    /** Customers see none of the rows (staff-only history). */
    String NOTHING = "1 = 0";

    /** Customers see every row: shared reference data without an owning customer (e.g. ticket categories). */
    String ALL = "1 = 1";

    /** HQL on {@code e}, e.g. {@code e.visibility = dev.supportgraph.ticket.NoteVisibility.PUBLIC}. */
    String value();
}
