package dev.supportgraph.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Inserts ticket fixtures with plain SQL (the way other systems would), each set under a unique
 * tag so tests sharing the database do not see each other's rows.
 */
@ApplicationScoped
public class TicketFixtures {

    @Inject
    DataSource dataSource;

    /** Two customers and everything around one problem report of customer A. */
    public record World(String tag, long customerA, long customerB, long contactA, long serviceA, long resource,
                        long orderA, long invoiceA, long reportA, long reportB, long trouble, long childTrouble,
                        long resourceTrouble, long publicNote, long internalNote) {
    }

    public World world(String tag) {
        long customerA = customer(tag + "-A");
        long customerB = customer(tag + "-B");
        long contactA = id("insert into contact (customer_id, name, role) values (?, 'Ann', 'IT') returning id", customerA);
        long contactB = id("insert into contact (customer_id, name, role) values (?, 'Bob', 'IT') returning id", customerB);
        long serviceA = id("insert into service (customer_id, name, category) values (?, 'Fibre 1G', 'INTERNET') returning id", customerA);
        long resource = id("insert into resource (name, category) values (?, 'OLT') returning id", tag + "-olt");
        exec("insert into service_resource (service_id, resource_id) values (?, ?)", serviceA, resource);
        long orderA = id("insert into product_order (customer_id, state) values (?, 'COMPLETED') returning id", customerA);
        long invoiceA = id("""
                insert into invoice (customer_id, bill_date, period_start, period_end, payment_due_date, currency)
                values (?, date '2025-01-31', date '2025-01-01', date '2025-01-31', date '2025-02-28', 'EUR') returning id""", customerA);
        long reportA = id("""
                insert into problem_report (customer_id, title, severity, priority, channel, status, reported_by_id,
                                            related_order_id, related_service_id, related_invoice_id, created_at, updated_at)
                values (?, ?, 'MAJOR', 'HIGH', 'PHONE', 'IN_PROGRESS', ?, ?, ?, ?,
                        timestamptz '2025-03-01 10:00Z', timestamptz '2025-03-05 10:00Z') returning id""",
                customerA, tag + " alpha outage", contactA, orderA, serviceA, invoiceA);
        long reportB = id("""
                insert into problem_report (customer_id, title, severity, priority, channel, status, reported_by_id,
                                            created_at, updated_at)
                values (?, ?, 'MINOR', 'LOW', 'EMAIL', 'ACKNOWLEDGED', ?,
                        timestamptz '2025-04-01 10:00Z', timestamptz '2025-04-02 10:00Z') returning id""",
                customerB, tag + " beta billing", contactB);
        long trouble = id("""
                insert into service_trouble (title, severity, priority, impact, urgency, status)
                values (?, 'CRITICAL', 'CRITICAL', 'EXTENSIVE', 'HIGH', 'IN_PROGRESS') returning id""", tag + " fibre cut");
        long childTrouble = id("""
                insert into service_trouble (title, severity, priority, impact, urgency, parent_id)
                values (?, 'MINOR', 'LOW', 'MINOR', 'LOW', ?) returning id""", tag + " child", trouble);
        exec("insert into problem_report_service_trouble values (?, ?), (?, ?)", reportA, trouble, reportB, trouble);
        exec("insert into service_trouble_service values (?, ?)", trouble, serviceA);
        long resourceTrouble = id("""
                insert into resource_trouble (title, resource_id, severity, priority, perceived_severity, localization)
                values (?, ?, 'CRITICAL', 'HIGH', 'MAJOR', 'slot 3') returning id""", tag + " olt down", resource);
        exec("insert into service_trouble_resource_trouble values (?, ?)", trouble, resourceTrouble);
        long publicNote = id("""
                insert into ticket_note (problem_report_id, customer_id, visibility, author, body)
                values (?, ?, 'PUBLIC', 'agent', 'We are on it') returning id""", reportA, customerA);
        long internalNote = id("""
                insert into ticket_note (problem_report_id, customer_id, visibility, author, body)
                values (?, ?, 'INTERNAL', 'agent', 'Linked to the fibre cut') returning id""", reportA, customerA);
        exec("insert into ticket_note (service_trouble_id, visibility, author, body) values (?, 'INTERNAL', 'sre', 'Crew sent')", trouble);
        exec("""
                insert into status_change (problem_report_id, customer_id, from_status, to_status, actor, changed_at)
                values (?, ?, null, 'ACKNOWLEDGED', 'agent', timestamptz '2025-03-01 10:00Z'),
                       (?, ?, 'ACKNOWLEDGED', 'IN_PROGRESS', 'agent', timestamptz '2025-03-02 10:00Z')""",
                reportA, customerA, reportA, customerA);
        exec("insert into status_change (resource_trouble_id, to_status, actor) values (?, 'ACKNOWLEDGED', 'nms')", resourceTrouble);
        return new World(tag, customerA, customerB, contactA, serviceA, resource, orderA, invoiceA, reportA, reportB,
                trouble, childTrouble, resourceTrouble, publicNote, internalNote);
    }

    public long customer(String account) {
        return id("insert into customer (account_number, name, segment, credit_rating) values (?, ?, 'ENTERPRISE', 700) returning id",
                account, "Customer " + account);
    }

    /**
     * {@code count} more problem reports of one customer, each with a contact, a service trouble
     * with a resource trouble on its own resource, a note of each visibility and two status changes.
     */
    public void busyReports(long customer, String tag, int count) {
        exec("""
                with c as (insert into contact (customer_id, name, role) select ?, 'Reporter ' || g, 'user'
                           from generate_series(1, ?) g returning id),
                     p as (insert into problem_report (customer_id, title, severity, priority, channel, reported_by_id)
                           select ?, ? || ' report', 'MINOR', 'MEDIUM', 'PORTAL', id from c returning id),
                     s as (insert into service_trouble (title, severity, priority, impact, urgency)
                           select ? || ' trouble ' || p.id, 'MINOR', 'MEDIUM', 'MINOR', 'LOW' from p
                           returning id, cast(substring(title from '[0-9]+$') as bigint) as report_id),
                     l as (insert into problem_report_service_trouble select report_id, id from s),
                     r as (insert into resource (name, category) select ? || '-res-' || s.id, 'ROUTER' from s
                           returning id, cast(substring(name from '[0-9]+$') as bigint) as trouble_id),
                     t as (insert into resource_trouble (title, resource_id, severity, priority, perceived_severity)
                           select 'rt', r.id, 'MINOR', 'LOW', 'MINOR' from r
                           returning id, resource_id),
                     lt as (insert into service_trouble_resource_trouble
                            select r.trouble_id, t.id from t join r on r.id = t.resource_id),
                     n as (insert into ticket_note (problem_report_id, customer_id, visibility, author, body)
                           select p.id, ?, v, 'agent', 'note' from p cross join (values ('PUBLIC'), ('INTERNAL')) as x(v))
                insert into status_change (problem_report_id, customer_id, from_status, to_status, actor)
                select p.id, ?, f, t, 'agent' from p
                cross join (values (null, 'ACKNOWLEDGED'), ('ACKNOWLEDGED', 'IN_PROGRESS')) as x(f, t)""",
                customer, count, customer, tag, tag, tag, customer, customer);
    }

    public void exec(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long id(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
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
