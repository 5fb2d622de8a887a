package dev.supportgraph.ticket;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dev-mode demo scripts run on the migrated schema and route tickets to groups and agents;
 * run in one transaction that is rolled back, so the shared test database keeps no demo rows.
 */
@QuarkusTest
class DemoRoutingDataTest {

    private static final List<String> SCRIPTS = List.of("R__demo_data.sql", "R__demo_data_commerce.sql",
            "R__demo_data_tickets.sql", "R__demo_data_tickets_routing.sql");

    @Inject
    DataSource ds;

    @Test
    void demoDataShowsGroupsAssigneesAndHistory() throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String script : SCRIPTS) {
                    s.execute(read("db/demo/" + script));
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

    private static String read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
