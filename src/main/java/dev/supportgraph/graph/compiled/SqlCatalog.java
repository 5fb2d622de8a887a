package dev.supportgraph.graph.compiled;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the query compiler knows of the graph: the object types it can render in SQL, their
 * tables, and for each field how the resolvers compute it. A field missing here keeps every query
 * that selects it on the GraphQL engine, so the catalog only has to be right, never complete.
 * CompiledQueryTest renders every field listed here both ways and requires the same JSON.
 * <p>
 * All types are customer-owned rows: every table is read within the caller's customer scope, the
 * rule of {@link dev.supportgraph.graph.ScopedReads}. Staff-only types (troubles, resources) are
 * left to the engine.
 */
final class SqlCatalog {

    /** A field's value, rendered by {@link QueryCompiler} as a SQL expression on the row. */
    sealed interface Field {
    }

    /** A plain column; its GraphQL type (String, Int, an enum stored by name, DateTime) decides the rendering. */
    record Column(String column) implements Field {
    }

    /**
     * An amount with its currency ({@link dev.supportgraph.graph.Money}): {@code amountColumn}, times
     * {@code multiplierColumn} unless null.
     */
    record MoneyOf(String amountColumn, String multiplierColumn, String currencyColumn) implements Field {
    }

    /** A to-one relation: the row of {@code type} whose id is this row's {@code foreignKey}. */
    record One(String type, String foreignKey) implements Field {
    }

    /** A to-many list: the rows of {@code type} whose {@code parentKey} is this row's id, in {@code orderBy} order. */
    record Many(String type, String parentKey, String orderBy) implements Field {
    }

    /**
     * A to-many connection without a client ordering: the first page of the rows of {@code type}
     * whose {@code parentKey} is this row's id, in the list's default order {@code (sortColumn, id)} ascending.
     */
    record Connection(String type, String parentKey, String sortColumn) implements Field {
    }

    /** A GraphQL object type stored in {@code table}; {@code scopeColumn} holds the owning customer's id. */
    record Table(String type, String table, String scopeColumn, Map<String, Field> fields) {

        Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    /** A condition of a list's filter input field; every condition holds when its value is null. */
    sealed interface Filter {
    }

    /** An enum list: the column is one of the values (none given: no condition). */
    record AnyOf(String column) implements Filter {
    }

    /** A time: the column is at or after it. */
    record AtOrAfter(String column) implements Filter {
    }

    /** A time: the column is before it. */
    record Before(String column) implements Filter {
    }

    /** A customer's global id: the row belongs to that customer. */
    record CustomerIs(String column) implements Filter {
    }

    /** A text searched case-insensitively in any of the columns ({@link dev.supportgraph.graph.Where#search}). */
    record Search(List<String> columns) implements Filter {
    }

    /** How a cursor prints an ordering's value (as the engine's {@code String.valueOf} of the Java value). */
    enum SortValue { TIMESTAMP, INTEGER, TEXT }

    /** An ordering of a list: SQL on the row, {@code {t}} standing for its alias. Ties are broken by id. */
    record Sort(String expression, SortValue value) {
    }

    /**
     * A Query field listing {@code type} as a connection: its filter input's fields, its orderBy
     * fields, and the order without orderBy.
     */
    record Listing(String type, Map<String, Filter> filters, Map<String, Sort> orderings, String defaultOrdering,
                   boolean defaultDescending) {
    }

    private static final Map<String, Table> TABLES = new HashMap<>();

    /** The tickets' orderings, as {@link dev.supportgraph.ticket.TicketOrderField} defines them. */
    private static final Map<String, Sort> TICKET_ORDERINGS = Map.of(
            "CREATED_AT", new Sort("{t}.created_at", SortValue.TIMESTAMP),
            "UPDATED_AT", new Sort("{t}.updated_at", SortValue.TIMESTAMP),
            "PRIORITY", new Sort("case {t}.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2"
                    + " else 3 end", SortValue.INTEGER),
            "NUMBER", new Sort("{t}.number", SortValue.TEXT));

    /** Query fields that list a type as a connection (ProblemReportService's reads). */
    static final Map<String, Listing> LISTINGS = Map.of("problemReports", new Listing("ProblemReport", Map.of(
            "status", new AnyOf("status"), "priority", new AnyOf("priority"), "severity", new AnyOf("severity"),
            "channel", new AnyOf("channel"), "customerId", new CustomerIs("customer_id"),
            "createdFrom", new AtOrAfter("created_at"), "createdTo", new Before("created_at"),
            "updatedFrom", new AtOrAfter("updated_at"), "updatedTo", new Before("updated_at"),
            "search", new Search(List.of("title", "number"))), TICKET_ORDERINGS, "CREATED_AT", true));

    /** Query fields that return one object by its global id ({@code customer(id:)}): field -> type. */
    static final Map<String, String> BY_ID = Map.of("customer", "Customer", "problemReport", "ProblemReport");

    static {
        table("Customer", "customer", "id",
                "accountNumber name status segment creditRating preferredLanguage createdAt updatedAt version")
                .with("orders", new Connection("ProductOrder", "customer_id", "created_at"))
                .with("contacts", new Many("Contact", "customer_id", "id"));
        table("Contact", "contact", "customer_id",
                "name role email phone preferredChannel language createdAt updatedAt version")
                .with("customer", new One("Customer", "customer_id"));
        table("Service", "service", "customer_id", "name category state createdAt updatedAt version")
                .with("monthlyCharge", new MoneyOf("monthly_charge", null, "currency"))
                .with("customer", new One("Customer", "customer_id"));
        table("ProductOrder", "product_order", "customer_id",
                "number description state priority orderDate requestedStartDate requestedCompletionDate"
                        + " expectedCompletionDate completionDate stateReason createdAt updatedAt version")
                .with("items", new Many("OrderItem", "order_id", "item_number"))
                .with("customer", new One("Customer", "customer_id"));
        table("OrderItem", "order_item", "customer_id", "itemNumber productName action quantity state version")
                .with("unitPrice", new MoneyOf("unit_price", null, "currency"))
                .with("total", new MoneyOf("unit_price", "quantity", "currency"))
                .with("order", new One("ProductOrder", "order_id"))
                .with("service", new One("Service", "service_id"));
        table("ProblemReport", "problem_report", "customer_id",
                "number title description status priority severity channel resolution createdAt updatedAt"
                        + " resolvedAt closedAt version")
                .with("customer", new One("Customer", "customer_id"))
                .with("reportedBy", new One("Contact", "reported_by_id"))
                .with("relatedOrder", new One("ProductOrder", "related_order_id"))
                .with("relatedService", new One("Service", "related_service_id"));
    }

    private SqlCatalog() {
    }

    static Optional<Table> table(String type) {
        return Optional.ofNullable(TABLES.get(type));
    }

    /** Declares a table whose listed fields are columns named like the field in snake case. */
    private static Builder table(String type, String table, String scopeColumn, String columnFields) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Arrays.stream(columnFields.split(" ")).forEach(name -> fields.put(name, new Column(snakeCase(name))));
        TABLES.put(type, new Table(type, table, scopeColumn, fields));
        return new Builder(fields);
    }

    private record Builder(Map<String, Field> fields) {
        Builder with(String name, Field field) {
            fields.put(name, field);
            return this;
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
