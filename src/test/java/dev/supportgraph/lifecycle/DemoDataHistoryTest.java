package dev.supportgraph.lifecycle;

import dev.supportgraph.referencedata.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dev mode's demo data set (db/demo) records every ticket's status history in time order: the
 * readers (statusHistory, the SLA clocks) take the order of the ids as the order of the changes,
 * so ids, times and the from/to chain must agree. The reference data is imported (committed, as in
 * dev mode); the scripts run in a transaction that is rolled back, so the other tests never see the demo tickets.
 */
@QuarkusTest
class DemoDataHistoryTest {

    @Inject
    DataSource dataSource;

    @Inject
    DemoData demoData;

    @Test
    void demoHistoriesAreInTimeOrderAndFollowTheStateMachinePath() throws Exception {
        demoData.importReferenceData();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Only the demo's rows: other tests' tickets (some with histories written directly) may be here too.
                long before;
                try (ResultSet last = statement.executeQuery("select coalesce(max(id), 0) from status_change")) {
                    last.next();
                    before = last.getLong(1);
                }
                for (String script : DemoData.SCRIPTS) {
                    statement.execute(DemoData.read(script));
                }
                List<String> problems = new ArrayList<>();
                int changes = 0;
                try (ResultSet rows = statement.executeQuery("""
                        select coalesce('problem_report ' || problem_report_id, 'service_trouble ' || service_trouble_id,
                                        'resource_trouble ' || resource_trouble_id) as ticket,
                               from_status, to_status, changed_at
                        from status_change
                        where coalesce(problem_report_id, service_trouble_id, resource_trouble_id) is not null
                          and id > %d
                        order by ticket, id""".formatted(before))) {
                    String ticket = null;
                    String previousTo = null;
                    OffsetDateTime previousAt = null;
                    while (rows.next()) {
                        changes++;
                        OffsetDateTime at = rows.getObject("changed_at", OffsetDateTime.class);
                        boolean first = !rows.getString("ticket").equals(ticket);
                        if (first && rows.getString("from_status") != null
                                || !first && !Objects.equals(previousTo, rows.getString("from_status"))
                                || !first && at.isBefore(previousAt)) {
                            problems.add(rows.getString("ticket") + ": " + rows.getString("from_status") + " -> "
                                    + rows.getString("to_status") + " at " + at + " after " + previousTo + " at " + previousAt);
                        }
                        ticket = rows.getString("ticket");
                        previousTo = rows.getString("to_status");
                        previousAt = at;
                    }
                }
                assertTrue(changes > 20, "the demo data has histories: " + changes);
                assertEquals(List.of(), problems, "history rows out of time order or off the path");
            } finally {
                connection.rollback();
            }
        }
    }
}
