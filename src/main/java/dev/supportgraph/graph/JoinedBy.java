package dev.supportgraph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a batch resolver of a to-many list ({@code @Source List<Parent>} returning a list per
 * parent): how the listed rows join their parent and in which order the resolver returns them,
 * as the HQL its service passes to {@link ScopedReads#byParents}. The query planner
 * ({@code graph.compiled}) reads it to answer the list in SQL; without it the list stays on the
 * resolver.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JoinedBy {

    /** HQL path on {@code e} (the listed entity) of the parent's id, e.g. {@code e.customerId}. */
    String parentKey();

    /** HQL order on {@code e}, e.g. {@code e.createdAt desc, e.id desc}. */
    String orderBy();
}
