package dev.supportgraph.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Inserts customers, orders, inventory and invoices with plain SQL for the commerce tests. Every
 * name and account number is made unique, since all tests of a run share one database.
 */
@ApplicationScoped
public class CommerceData {

    @Inject
    DataSource dataSource;

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long customer(String name) {
        return insert("insert into customer (account_number, name, segment, credit_rating) values (?, ?, 'ENTERPRISE', 700)",
                unique("T"), name);
    }

    public long service(long customerId, String name, String category, String state) {
        return insert("insert into service (customer_id, name, category, state, monthly_charge, currency)"
                + " values (?, ?, ?, ?, 49.90, 'EUR')", customerId, name, category, state);
    }

    public long resource(String name, String category, String location, String operationalState) {
        return insert("insert into resource (name, category, location, operational_state) values (?, ?, ?, ?)",
                name, category, location, operationalState);
    }

    public void link(long serviceId, long resourceId) {
        execute("insert into service_resource (service_id, resource_id) values (?, ?)", serviceId, resourceId);
    }

    public long order(long customerId, String state, int priority, String description, OffsetDateTime createdAt) {
        return insert("insert into product_order (customer_id, state, priority, description, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", customerId, state, priority, description, createdAt, createdAt);
    }

    public long order(long customerId, String state, int priority, String description) {
        return order(customerId, state, priority, description, OffsetDateTime.now());
    }

    public long item(long orderId, long customerId, int itemNumber, String product, int quantity, String unitPrice,
                     Long serviceId) {
        return insert("insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price,"
                        + " currency, state, service_id) values (?, ?, ?, ?, ?, ?, 'EUR', 'ACKNOWLEDGED', ?)",
                orderId, customerId, itemNumber, product, quantity, new BigDecimal(unitPrice), serviceId);
    }

    public long invoice(long customerId, String state, LocalDate billDate, String total, String paid, String adjusted) {
        return insert("insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date,"
                        + " currency, total_amount, paid_amount, adjusted_amount) values (?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?)",
                customerId, state, billDate, billDate.minusMonths(1), billDate.minusDays(1), billDate.plusDays(30),
                new BigDecimal(total), new BigDecimal(paid), new BigDecimal(adjusted));
    }

    public long line(long invoiceId, long customerId, String description, Long orderId, Long itemId) {
        return insert("insert into invoice_line (invoice_id, customer_id, description, quantity, unit_amount, amount,"
                + " order_id, order_item_id) values (?, ?, ?, 2, 50.00, 100.00, ?, ?)", invoiceId, customerId,
                description, orderId, itemId);
    }

    public long payment(long invoiceId, long customerId, String amount) {
        return insert("insert into payment (invoice_id, customer_id, amount, method, reference) values (?, ?, ?,"
                + " 'BANK_TRANSFER', 'SEPA-REF')", invoiceId, customerId, new BigDecimal(amount));
    }

    public long adjustment(long invoiceId, long customerId, String amount, String reason) {
        return insert("insert into adjustment (invoice_id, customer_id, amount, reason, created_by) values (?, ?, ?, ?,"
                + " 'agent@supportgraph.dev')", invoiceId, customerId, new BigDecimal(amount), reason);
    }

    public long contact(long customerId, String name, String email) {
        return insert("insert into contact (customer_id, name, role, email) values (?, ?, 'operations', ?)",
                customerId, name, email);
    }

    public long problemReport(long customerId, String title, Long reportedById, Long orderId, Long serviceId) {
        return insert("insert into problem_report (customer_id, title, severity, priority, channel, reported_by_id,"
                        + " related_order_id, related_service_id) values (?, ?, 'MAJOR', 'HIGH', 'PORTAL', ?, ?, ?)",
                customerId, title, reportedById, orderId, serviceId);
    }

    /** Any statement, e.g. a bulk insert with generate_series. */
    public void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any insert of one row; returns its id. */
    public long insert(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql + " returning id", params);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
