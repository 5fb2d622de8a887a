package dev.supportgraph.graph.compiled;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * What the query planner knows of the graph: the object types it can render in SQL, their
 * tables and row scope, and for each field how the resolvers compute it. It is not written by
 * hand: {@link CatalogDeriver} reads it at start from the model the resolvers use (the GraphQL
 * schema and its SmallRye resolvers, the type records and their entities, the Hibernate mapping,
 * the services' {@link dev.supportgraph.graph.ScopedReads}, {@link dev.supportgraph.graph.JoinedBy}).
 * A field it cannot derive is in {@link #fallbacks()} with the reason, and keeps every document
 * selecting it on the GraphQL engine.
 *
 * @param tables    GraphQL object type name -> its table
 * @param listings  Query field -> the connection it lists
 * @param byId        Query field taking one {@code id} -> the type it returns
 * @param nodeLookups Query field returning {@code Node} by global id(s) ({@code node}, {@code nodes}) -> whether it is a list
 * @param fallbacks   {@code Type.field} -> why the planner leaves it to the engine
 */
record Catalog(Map<String, Table> tables, Map<String, Listing> listings, Map<String, String> byId,
               Map<String, Boolean> nodeLookups, Map<String, String> fallbacks) {

    /** A field's value, rendered by {@link QueryCompiler} as a SQL expression on the row. */
    sealed interface Field {
    }

    /**
     * A column, or SQL computed from the row's columns ({@code {t}} the row); its GraphQL type
     * (String, Int, an enum stored by name, DateTime, Date) decides the rendering.
     */
    record Column(String sql) implements Field {
    }

    /** The node's global id. */
    record GlobalIdOf() implements Field {
    }

    /** An amount with its currency, both SQL on the row {@code {t}} ({@link dev.supportgraph.graph.Money}). */
    record MoneyOf(String amount, String currency) implements Field {
    }

    /** A to-one relation: the visible row of {@code type} whose id is this row's {@code foreignKey}. */
    record One(String type, String foreignKey) implements Field {
    }

    /**
     * A to-many list: the visible rows of {@code type} whose {@code parentKey} is this row's id, or
     * with a {@code link} those the link table pairs with this row, meeting {@code condition} (null:
     * none), in {@code orderBy} ({@code {t}} the row in both).
     */
    record Many(String type, String parentKey, String orderBy, Link link, String condition) implements Field {
    }

    /**
     * A many-to-many link table: {@code parentColumn} holds the parent row's {@code parentRowColumn}
     * (its id, or another key of it), {@code childColumn} the listed row's id.
     */
    record Link(String table, String parentColumn, String childColumn, String parentRowColumn) {
    }

    /** A connection of the rows of {@code listing} whose {@code parentKey} is this row's id (a customer's orders). */
    record Connection(Listing listing, String parentKey) implements Field {
    }

    /**
     * A GraphQL object type stored in {@code table}.
     *
     * @param scopeColumn       the owning customer's id; null: rows of no customer, which portal users see
     *                          only as far as {@code customerCondition} says (none without it)
     * @param customerCondition SQL on {@code {t}} that the rows a portal user sees also meet
     *                          ({@link dev.supportgraph.graph.CustomerSees}); null: all of their own
     */
    record Table(String type, String table, String scopeColumn, String customerCondition, Map<String, Field> fields) {

        /** Staff-only rows: portal users see none. */
        boolean staffOnly() {
            return scopeColumn == null && customerCondition == null;
        }

        Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    /** A condition of a list's filter input field {@code field}; every condition holds when its value is null. */
    sealed interface Filter {
        String field();
    }

    /** An enum, text or ({@code integers}) Int list: the column is one of the values (none given: no condition). */
    record AnyOf(String field, String column, boolean integers) implements Filter {
    }

    /** A time or date: the column is at or after it. */
    record AtOrAfter(String field, String column, SortValue value) implements Filter {
    }

    /** A time or date: the column is before it. */
    record Before(String field, String column, SortValue value) implements Filter {
    }

    /** The global id of a {@code type} object: the column holds its id. */
    record IdIs(String field, String column, String type) implements Filter {
    }

    /** A text searched case-insensitively in any of the columns ({@link dev.supportgraph.graph.Where#search}). */
    record Search(String field, List<String> columns) implements Filter {
    }

    /** How a cursor prints an ordering's value (as the engine's {@code String.valueOf} of the Java value). */
    enum SortValue { TIMESTAMP, DATE, INTEGER, TEXT }

    /** An ordering of a list: SQL on the row, {@code {t}} standing for its alias. Ties are broken by id. */
    record Sort(String expression, SortValue value) {
    }

    /**
     * A connection of {@code type} rows: the filter input's fields, the orderBy fields, and the
     * order without orderBy. {@code engineFilters} are filter fields whose meaning cannot be read
     * from the filter function (input objects, conditions on the caller): a request that sets one
     * is answered by the engine, the others are planned.
     */
    record Listing(String type, List<Filter> filters, Set<String> engineFilters, Map<String, Sort> orderings,
                   String defaultOrdering, boolean defaultDescending) {
    }

    Optional<Table> table(String type) {
        return Optional.ofNullable(tables.get(type));
    }
}
