package dev.supportgraph.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads committed outbox rows by id, outside any transaction of the caller (the fan-out thread
 * has none). Commit order equals id order (see {@link Outbox}), so paging by id misses nothing.
 */
@ApplicationScoped
public class OutboxReader {

    @Inject
    DataSource dataSource;

    /**
     * What a replay can be narrowed to in SQL: the event types its subscriber accepts and the one
     * customer it is confined to (null: any). The subscriber's own condition still decides; this
     * only keeps the rows it would refuse in the database.
     */
    public record Scope(Set<String> types, Long customerId) {
    }

    /** The rows with {@code after < id <= upTo} within {@code scope}, in id order, at most {@code limit}. */
    public List<OutboxEvent> read(long after, long upTo, int limit, Scope scope) {
        String sql = """
                select id, type, aggregate, aggregate_id, customer_id, payload::text, created_at
                from outbox_event where id > ? and id <= ? and type = any(?) and (cast(? as bigint) is null or customer_id = ?)
                order by id limit ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setArray(3, c.createArrayOf("text", scope.types().toArray()));
            s.setObject(4, scope.customerId(), Types.BIGINT);
            s.setObject(5, scope.customerId(), Types.BIGINT);
            s.setInt(6, limit);
            return events(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    /** The rows with {@code after < id <= upTo}, in id order, at most {@code limit}. */
    public List<OutboxEvent> read(long after, long upTo, int limit) {
        String sql = """
                select id, type, aggregate, aggregate_id, customer_id, payload::text, created_at
                from outbox_event where id > ? and id <= ? order by id limit ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setInt(3, limit);
            return events(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    private static List<OutboxEvent> events(PreparedStatement s) throws SQLException {
        List<OutboxEvent> events = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                events.add(new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, Long.class), new JsonObject(rs.getString(6)),
                        rs.getObject(7, OffsetDateTime.class)));
            }
        }
        return events;
    }

    /** The highest committed event id (0 when the outbox is empty). */
    public long lastId() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    /**
     * Deletes the events created before {@code cutoff} that every {@link OutboxConsumer} has passed
     * (a consumer that falls behind keeps its rows until it catches up); returns how many.
     */
    public int purge(OffsetDateTime cutoff) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     delete from outbox_event where created_at < ?
                     and id <= (select coalesce(min(last_event_id), 9223372036854775807) from outbox_consumer)""")) {
            s.setObject(1, cutoff);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge the outbox", e);
        }
    }
}
