package dev.supportgraph.graph.compiled;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final Map<String, Table> TABLES = new HashMap<>();

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
