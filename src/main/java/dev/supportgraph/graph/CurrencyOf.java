package dev.supportgraph.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an entity whose amounts have no currency of their own: the {@link Money} of its rows is in
 * the {@code currency} of the {@code value} row whose id is the attribute {@code key} (an invoice's
 * lines, payments and adjustments are in the invoice's currency). Their reads join it by this
 * declaration, and the query planner ({@code graph.compiled}) renders the same join.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface CurrencyOf {

    /** The entity holding the currency, in an attribute named {@code currency}. */
    Class<?> value();

    /** The attribute of this entity naming that row's id, e.g. {@code invoiceId}. */
    String key();
}
