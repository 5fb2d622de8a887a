package dev.supportgraph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a batch resolver of a to-many list ({@code @Source List<Parent>} returning a list per
 * parent): how the listed rows join their parent and in which order the resolver returns them,
 * as the HQL its service passes to {@link ScopedReads#byParents} (or, through a link table, to
 * {@link ScopedReads#byLinks}). The query planner
 * ({@code graph.compiled}) reads it to answer the list in SQL; without it the list stays on the
 * resolver.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JoinedBy {

    /** Stands for the parent's GraphQL type name, first letter lower case, in {@link #parentKey()}. */
    String PARENT = "{parent}";

    /**
     * HQL path on {@code e} (the listed entity) of the parent's id, e.g. {@code e.customerId}; a
     * resolver shared by several parent types names the path with {@link #PARENT}, e.g.
     * {@code e.{parent}Id} is {@code e.problemReportId} under a {@code ProblemReport}.
     */
    String parentKey();

    /** HQL order on {@code e}, e.g. {@code e.createdAt desc, e.id desc}. */
    String orderBy();

    /**
     * The mapped link table of a many-to-many list ({@code void}: none): {@link #parentKey()} is
     * then a path on {@code l} (the link) and {@link #childKey()} the link's path of the listed row's id.
     */
    Class<?> through() default void.class;

    /** With {@link #through()}: HQL path on {@code l} of the listed row's id, e.g. {@code l.toId} ({@link dev.supportgraph.persistence.LinkRow}). */
    String childKey() default "";

    /**
     * With {@link #through()}: the parent's attribute the link's {@link #parentKey()} holds, its id
     * unless said (a resource trouble's services are those linked to its {@code resourceId}; the
     * resolver then batches by that key).
     */
    String parentAttribute() default "id";

    /** HQL condition on {@code e} the listed rows also meet (none when blank), e.g. active services only. */
    String where() default "";
}
