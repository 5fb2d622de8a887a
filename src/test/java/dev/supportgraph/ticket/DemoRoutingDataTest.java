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
    void demoDataShowsGroupsAssigneesQueuesNotesAndRatings() throws Exception {
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
                // The L1 queue has one report at risk and one breached (due times from their policies, around the clock).
                assertEquals("Packet loss on backup line:AT_RISK,Phones dropping calls:BREACHED", one(s, """
                        select string_agg(p.title || ':' || case when due < now() then 'BREACHED' when due < now() + interval '30 minutes'
                                                              then 'AT_RISK' else 'ON_TRACK' end, ',' order by p.title)
                        from problem_report p join customer c on c.id = p.customer_id join work_group g on g.id = p.work_group_id
                        join sla_policy sp on sp.segment = c.segment and sp.priority = p.priority and sp.category_ids is null and sp.valid_to is null
                        cross join lateral (select p.created_at + sp.resolution_minutes * interval '1 minute' as due) d
                        where g.name = 'Service Desk L1' and p.title in ('Packet loss on backup line', 'Phones dropping calls')"""));
                assertEquals("0", one(s, "select count(*) from problem_report p join customer c on c.id = p.customer_id "
                        + "where c.account_number like '%-000_' and p.category_id is null"), "a category on every demo report");
                assertEquals("0|0|0", one(s, """
                        select (select count(*) from problem_report p join customer c on c.id = p.customer_id where c.account_number like '%-000_'
                                and not exists (select 1 from ticket_note n where n.problem_report_id = p.id)) || '|' ||
                               (select count(*) from service_trouble t where not exists (select 1 from ticket_note n where n.service_trouble_id = t.id)) || '|' ||
                               (select count(*) from resource_trouble r where not exists (select 1 from ticket_note n where n.resource_trouble_id = r.id))"""),
                        "notes on every ticket kind");
                assertEquals("4", one(s, "select r.score from satisfaction_rating r join problem_report p on p.id = r.problem_report_id "
                        + "where p.title = 'Double charge on invoice'"));
                assertEquals("0", one(s, """
                        select count(*) from status_change a join status_change b on b.problem_report_id = a.problem_report_id and b.id > a.id
                        where a.changed_at > b.changed_at and a.problem_report_id in (select id from problem_report where title = 'Phones dropping calls')"""),
                        "status history in time order");
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
