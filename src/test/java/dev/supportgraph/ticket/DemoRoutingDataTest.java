package dev.supportgraph.ticket;

import dev.supportgraph.referencedata.DemoData;
import dev.supportgraph.referencedata.ImportSummary;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dev-mode demo data: its reference data loads through the bulk import (a second load changes
 * nothing), and the demo scripts on top of it route tickets to groups and agents. The scripts run
 * in one transaction that is rolled back, so the shared test database keeps no demo tickets.
 */
@QuarkusTest
class DemoRoutingDataTest {

    @Inject
    DataSource ds;

    @Inject
    DemoData demoData;

    @Test
    void demoDataShowsGroupsAssigneesAndHistory() throws Exception {
        demoData.importReferenceData();
        ImportSummary again = demoData.importReferenceData();
        assertEquals(List.of(45L, 0L, 0L, 45L, 0L), List.of(again.rowsRead(), again.created(), again.updated(), again.unchanged(),
                again.failed()));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String script : DemoData.SCRIPTS) {
                    s.execute(DemoData.read(script));
                }
                assertEquals("Network Operations L2|Dev SRE", one(s, """
                        select g.name || '|' || a.name from problem_report p join work_group g on g.id = p.work_group_id
                        join agent a on a.id = p.assignee_id where p.title = 'Internet down at Berlin plant'"""));
                assertEquals("1", one(s, "select count(*) from problem_report where title = 'Street cabinet alarm' and work_group_id is not null and assignee_id is null"));
                assertEquals("ESCALATE", one(s, """
                        select f.action from ticket_field_change f join problem_report p on p.id = f.problem_report_id
                        where p.title = 'Internet down at Berlin plant' and f.field = 'WORK_GROUP' order by f.changed_at desc limit 1"""));
            } finally {
                c.rollback();
            }
        }
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
