package dev.supportgraph.sla;

import dev.supportgraph.testing.Sql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Many due problem reports at once for the evaluator, inserted with a few SQL statements per customer. */
final class Backlog {

    private Backlog() {
    }

    /**
     * {@code count} HIGH reports of a customer that has no other reports, created at {@code t0} about
     * {@code service} (nullable), with the history given as status, minutes after t0, ...; their ids in order.
     */
    static List<Long> reports(DataSource ds, long customer, Long service, Instant t0, int count, Object... history) {
        OffsetDateTime created = OffsetDateTime.ofInstant(t0, ZoneOffset.UTC);
        List<Long> ids = Sql.rows(ds, """
                        insert into problem_report (customer_id, title, severity, priority, channel, status, related_service_id, created_at, updated_at)
                        select cast(? as bigint), 'Backlog', 'MAJOR', 'HIGH', 'PHONE', cast(? as text), cast(? as bigint),
                               cast(? as timestamptz), cast(? as timestamptz)
                        from generate_series(1, ?) returning id""",
                customer, history[history.length - 2], service, created, created, count).stream()
                .map(r -> ((Number) r.get("id")).longValue()).sorted().toList();
        String from = null;
        for (int i = 0; i < history.length; i += 2) {
            Sql.exec(ds, """
                            insert into status_change (problem_report_id, customer_id, from_status, to_status, actor, changed_at)
                            select id, customer_id, cast(? as text), cast(? as text), 'agent', cast(? as timestamptz)
                            from problem_report where customer_id = ? order by id""",
                    from, history[i], created.plus(Duration.ofMinutes((Integer) history[i + 1])), customer);
            from = (String) history[i];
        }
        return ids;
    }
}
