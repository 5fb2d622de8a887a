package dev.supportgraph.events;

import dev.supportgraph.ticket.TicketKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Fixtures and what the mutations cannot be made to do: publish and then fail, or publish in bulk. */
@ApplicationScoped
public class TicketEvents {

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    /** Commits the event of one status change of a ticket straight through the outbox. */
    @Transactional
    public void changed(TicketKind kind, long ticketId, Long customerId, String reason) {
        // The event alone, without a status_change row: the tickets of these tests need not exist.
        outbox.publish(EventType.TICKET_STATUS_CHANGED, kind.name(), ticketId, customerId, new Outbox.Change(
                kind.name() + "-" + ticketId, "IN_PROGRESS", "HELD", "hold", reason, "test", OffsetDateTime.now()).payload().getMap());
    }

    /** Publishes a status change, then fails: the transaction rolls back with its event. */
    @Transactional
    public void changedThenRolledBack(TicketKind kind, long ticketId, Long customerId) {
        changed(kind, ticketId, customerId, "rolled back");
        throw new IllegalStateException("the change fails after publishing");
    }

    /** A fresh customer; returns its database id. */
    public long customer(String name) throws SQLException {
        return insert("insert into customer (account_number, name, segment, credit_rating) values (?, ?, 'CONSUMER', 700) returning id",
                "EV-" + UUID.randomUUID(), name);
    }

    /** A fresh resource; returns its database id. */
    public long resource() throws SQLException {
        return insert("insert into resource (name, category) values (?, ?) returning id", "ev-" + UUID.randomUUID(), "olt");
    }

    /** The outbox ids of a ticket's events, in order. */
    public List<Long> eventIds(TicketKind kind, long ticketId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id from outbox_event where aggregate = ? and aggregate_id = ? order by id")) {
            s.setString(1, kind.name());
            s.setLong(2, ticketId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the listener's LISTEN connection from the server side; returns how many were ended. */
    public int killListener(String applicationName) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private long insert(String sql, String first, String second) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setString(2, second);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
