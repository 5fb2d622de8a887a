package dev.supportgraph.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Produces ticket events the way the lifecycle mutations will: inside their own transaction. */
@ApplicationScoped
public class TicketEvents {

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    /** Commits one status change of a ticket; returns the event id. */
    @Transactional
    public long changed(TicketKind kind, long ticketId, Long customerId, String to) {
        return outbox.ticketStatusChanged(kind, ticketId, customerId, kind.name() + "-" + ticketId,
                "IN_PROGRESS", to, "because " + to, "agent@supportgraph.dev", OffsetDateTime.now());
    }

    /** Publishes a status change, then fails: the transaction rolls back with its event. */
    @Transactional
    public void changedThenRolledBack(TicketKind kind, long ticketId, Long customerId) {
        changed(kind, ticketId, customerId, "RESOLVED");
        throw new IllegalStateException("the change fails after publishing");
    }

    /** A fresh customer; returns its database id. */
    public long customer(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into customer (account_number, name, segment, credit_rating) values (?, ?, 'CONSUMER', 700) returning id")) {
            s.setString(1, "EV-" + UUID.randomUUID());
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
}
