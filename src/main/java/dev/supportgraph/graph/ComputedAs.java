package dev.supportgraph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of a GraphQL type record that its factory computes from the entity: the same
 * computation in HQL on {@code e} (the entity), so the query planner ({@code graph.compiled})
 * can answer it in SQL. A {@link Money} component names its amount; the currency is the entity's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ComputedAs {

    /** HQL on {@code e}, e.g. {@code e.unitPrice * e.quantity}. */
    String value();
}
