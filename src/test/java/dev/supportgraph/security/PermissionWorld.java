package dev.supportgraph.security;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * One object of every type around one customer, inserted with SQL for the permission tests: what
 * the customer owns (contact, order and item on a service, invoice with line, payment and
 * adjustment, problem report with a PUBLIC and an INTERNAL note) and what operations own around
 * it (the resource the service runs on, a service trouble on the report and the service, a
 * resource trouble on the resource). Searchable texts carry the side's unique tag.
 */
@ApplicationScoped
public class PermissionWorld {

    public static final String PUBLIC_NOTE = "TicketNote.PUBLIC";
    public static final String INTERNAL_NOTE = "TicketNote.INTERNAL";

    @Inject
    DataSource ds;

    /** The database ids of one side's objects by GraphQL type name (notes by {@link #PUBLIC_NOTE}/{@link #INTERNAL_NOTE}). */
    public record Side(String tag, Map<String, Long> keys) {

        public long key(String name) {
            return keys.get(name);
        }

        public String id(String name) {
            return GlobalId.encode(name.startsWith("TicketNote") ? "TicketNote" : name, key(name));
        }
    }

    public Side side(String tag) {
        Map<String, Long> k = new HashMap<>();
        long customer = id("insert into customer (account_number, name, segment, credit_rating) values (?, ?, 'ENTERPRISE', 700) returning id",
                tag, tag);
        k.put("Customer", customer);
        k.put("Contact", id("insert into contact (customer_id, name, role) values (?, 'Ann', 'IT') returning id", customer));
        long service = id("insert into service (customer_id, name, category) values (?, ?, 'INTERNET') returning id", customer, tag);
        k.put("Service", service);
        long resource = id("insert into resource (name, category) values (?, 'OLT') returning id", tag);
        k.put("Resource", resource);
        Sql.exec(ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource);
        long order = id("insert into product_order (customer_id, state, description) values (?, 'COMPLETED', ?) returning id", customer, tag);
        k.put("ProductOrder", order);
        long item = id("""
                insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price, currency, state, service_id)
                values (?, ?, 1, 'Fibre 1G', 1, 49.90, 'EUR', 'COMPLETED', ?) returning id""", order, customer, service);
        k.put("OrderItem", item);
        long invoice = id("""
                insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency, total_amount)
                values (?, 'SENT', date '2025-01-31', date '2025-01-01', date '2025-01-31', date '2025-02-28', 'EUR', 49.90) returning id""",
                customer);
        k.put("Invoice", invoice);
        k.put("InvoiceLine", id("""
                insert into invoice_line (invoice_id, customer_id, description, quantity, unit_amount, amount, order_id, order_item_id)
                values (?, ?, 'Fibre 1G', 1, 49.90, 49.90, ?, ?) returning id""", invoice, customer, order, item));
        k.put("Payment", id("insert into payment (invoice_id, customer_id, amount, method) values (?, ?, 10.00, 'CARD') returning id",
                invoice, customer));
        k.put("Adjustment", id("insert into adjustment (invoice_id, customer_id, amount, reason, created_by) values (?, ?, 5.00, 'Goodwill', 'agent') returning id",
                invoice, customer));
        long report = id("""
                insert into problem_report (customer_id, title, severity, priority, channel, status, related_order_id, related_service_id, related_invoice_id)
                values (?, ?, 'MAJOR', 'HIGH', 'PHONE', 'IN_PROGRESS', ?, ?, ?) returning id""", customer, tag, order, service, invoice);
        k.put("ProblemReport", report);
        k.put(PUBLIC_NOTE, id("insert into ticket_note (problem_report_id, customer_id, visibility, author, body) values (?, ?, 'PUBLIC', 'agent', 'On it') returning id",
                report, customer));
        k.put(INTERNAL_NOTE, id("insert into ticket_note (problem_report_id, customer_id, visibility, author, body) values (?, ?, 'INTERNAL', 'agent', 'Fibre cut') returning id",
                report, customer));
        Sql.exec(ds, "insert into status_change (problem_report_id, customer_id, to_status, actor) values (?, ?, 'ACKNOWLEDGED', 'agent')", report, customer);
        long trouble = id("insert into service_trouble (title, severity, priority, impact, urgency) values (?, 'MAJOR', 'HIGH', 'SIGNIFICANT', 'HIGH') returning id", tag);
        k.put("ServiceTrouble", trouble);
        Sql.exec(ds, "insert into problem_report_service_trouble (problem_report_id, service_trouble_id) values (?, ?)", report, trouble);
        Sql.exec(ds, "insert into service_trouble_service (service_trouble_id, service_id) values (?, ?)", trouble, service);
        long resourceTrouble = id("insert into resource_trouble (title, resource_id, severity, priority, perceived_severity) values (?, ?, 'MAJOR', 'HIGH', 'MAJOR') returning id",
                tag, resource);
        k.put("ResourceTrouble", resourceTrouble);
        Sql.exec(ds, "insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id) values (?, ?)", trouble, resourceTrouble);
        k.put("Alarm", id("""
                insert into alarm (source_system, external_alarm_id, resource_id, alarm_type, perceived_severity, state,
                                   raised_time, last_seen, resource_trouble_id)
                values (?, 'A-1', ?, 'EQUIPMENT_ALARM', 'MAJOR', 'RAISED', now(), now(), ?) returning id""", tag, resource, resourceTrouble));
        return new Side(tag, Map.copyOf(k));
    }

    private long id(String sql, Object... args) {
        return Sql.exec(ds, sql, args);
    }
}
