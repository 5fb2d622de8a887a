package dev.supportgraph.security;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The write side of the permission matrix (docs/security.md): every mutation by every caller. Allowed calls
 * change their object; refused ones get FORBIDDEN (the role may not) or NOT_FOUND (a portal user
 * naming another customer's object: no existence leak) and change nothing (row version, or the
 * rows a create or link would add, unchanged). OWN and OTHER are the portal user of customer A
 * acting on A's and on B's objects.
 */
@QuarkusTest
class PermissionMutationTest {

    /** The two customers, inserted once for the class; each case builds its own target objects. */
    private static long a;
    private static long b;

    @Inject
    DataSource ds;

    enum Who { AGENT, SRE, ADMIN, OWN, OTHER, INTEGRATION }

    /** A mutation's input and a probe whose value changes exactly when the mutation does something. */
    record Target(String input, String probe, Object key) {
    }

    interface Setup {
        Target make(PermissionMutationTest t, long customer);
    }

    /**
     * Expected outcomes for AGENT SRE ADMIN OWN OTHER INTEGRATION: OK, FORBIDDEN (F) or NOT_FOUND (NF).
     * A system of record (INTEGRATION) is confined to no customer: customer-owned objects are NOT_FOUND to it.
     */
    enum Row {
        ORDER_CREATE("orderCreate", "OK F OK OK NF F", (t, c) -> t.created("product_order", c,
                "{customerId: \"" + gid("Customer", c) + "\", items: [{productName: \"Fibre\", quantity: 1, unitPrice: \"1.00\", currency: \"EUR\"}]}")),
        ORDER_TRANSITION("orderTransition", "OK F OK F NF NF", (t, c) -> t.versioned("product_order", "ProductOrder",
                t.order(c, "ACKNOWLEDGED"), ", to: IN_PROGRESS")),
        ORDER_CANCEL("orderCancel", "OK F OK OK NF NF", (t, c) -> t.versioned("product_order", "ProductOrder",
                t.order(c, "IN_PROGRESS"), "")),
        ORDER_CANCELLATION_ACCEPT("orderCancellationAccept", "OK F OK F NF NF", (t, c) -> t.versioned("product_order", "ProductOrder",
                t.order(c, "ASSESSING_CANCELLATION"), "")),
        ORDER_CANCELLATION_DECLINE("orderCancellationDecline", "OK F OK F NF NF", (t, c) -> {
            long order = t.order(c, "ASSESSING_CANCELLATION");
            Sql.exec(t.ds, "insert into status_change (order_id, customer_id, from_status, to_status, actor) values (?, ?, 'IN_PROGRESS', 'ASSESSING_CANCELLATION', 'test')",
                    order, c);
            return t.versioned("product_order", "ProductOrder", order, "");
        }),
        ORDER_ITEM_TRANSITION("orderItemTransition", "OK F OK F NF NF", (t, c) -> t.versioned("order_item", "OrderItem",
                t.item(t.order(c, "IN_PROGRESS"), c, "IN_PROGRESS"), ", to: HELD")),
        ORDER_ITEM_COMPLETE("orderItemComplete", "OK F OK F NF NF", (t, c) -> t.versioned("order_item", "OrderItem",
                t.item(t.order(c, "IN_PROGRESS"), c, "IN_PROGRESS"), "")),
        ORDER_ITEM_FAIL("orderItemFail", "OK F OK F NF NF", (t, c) -> t.versioned("order_item", "OrderItem",
                t.item(t.order(c, "IN_PROGRESS"), c, "IN_PROGRESS"), "")),
        INVOICE_ISSUE("invoiceIssue", "OK F OK F F F", (t, c) -> {
            long order = t.order(c, "COMPLETED");
            t.item(order, c, "COMPLETED");
            return t.created("invoice", c, "{orderIds: [\"" + gid("ProductOrder", order)
                    + "\"], periodStart: \"2025-01-01\", periodEnd: \"2025-01-31\", paymentDueDate: \"2025-02-28\"}");
        }),
        INVOICE_TRANSITION("invoiceTransition", "OK F OK F NF NF", (t, c) -> t.versioned("invoice", "Invoice",
                t.invoice(c, "NEW"), ", to: VALIDATED")),
        INVOICE_RECORD_PAYMENT("invoiceRecordPayment", "OK F OK F NF NF", (t, c) -> t.versioned("invoice", "Invoice",
                t.invoice(c, "SENT"), ", amount: \"10.00\", method: CARD")),
        INVOICE_APPLY_ADJUSTMENT("invoiceApplyAdjustment", "OK F OK F NF NF", (t, c) -> t.versioned("invoice", "Invoice",
                t.invoice(c, "SENT"), ", amount: \"5.00\", reason: \"Goodwill\"")),
        PROBLEM_REPORT_CREATE("problemReportCreate", "OK F OK OK NF F", (t, c) -> t.created("problem_report", c,
                "{customerId: \"" + gid("Customer", c) + "\", reportedById: \"" + gid("Contact", t.contact(c))
                        + "\", title: \"No service\", urgency: HIGH}")),
        PROBLEM_REPORT_CREATE_TRIAGED("problemReportCreate", "OK F OK F NF F", (t, c) -> t.created("problem_report", c,
                "{customerId: \"" + gid("Customer", c) + "\", reportedById: \"" + gid("Contact", t.contact(c))
                        + "\", title: \"No service\", severity: MAJOR, priority: HIGH}")),
        PROBLEM_REPORT_UPDATE("problemReportUpdate", "OK F OK OK NF F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "ACKNOWLEDGED"), ", title: \"Still slow\"")),
        PROBLEM_REPORT_UPDATE_PRIORITY("problemReportUpdate", "OK F OK F NF F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "ACKNOWLEDGED"), ", priority: CRITICAL")),
        PROBLEM_REPORT_UPDATE_CATEGORY("problemReportUpdate", "OK F OK F NF F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "ACKNOWLEDGED"), ", categoryId: \"" + gid("TicketCategory", t.category()) + "\"")),
        PROBLEM_REPORT_CREATE_CATEGORIZED("problemReportCreate", "OK F OK F NF F", (t, c) -> t.created("problem_report", c,
                "{customerId: \"" + gid("Customer", c) + "\", reportedById: \"" + gid("Contact", t.contact(c))
                        + "\", title: \"No service\", urgency: HIGH, categoryId: \"" + gid("TicketCategory", t.category()) + "\"}")),
        PROBLEM_REPORT_START("problemReportTransition", "OK F OK F NF F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "ACKNOWLEDGED"), ", to: IN_PROGRESS")),
        PROBLEM_REPORT_CANCEL("problemReportTransition", "OK F OK OK NF F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "ACKNOWLEDGED"), ", to: CANCELLED")),
        PROBLEM_REPORT_ISOLATE("problemReportIsolate", "OK F OK F NF NF", (t, c) -> {
            long report = t.report(c, "IN_PROGRESS");
            return new Target("{id: \"" + gid("ProblemReport", report) + "\", serviceTroubleIds: [\""
                    + gid("ServiceTrouble", t.serviceTrouble()) + "\"]}",
                    "select count(*) from problem_report_service_trouble where problem_report_id = ?", report);
        }),
        PROBLEM_REPORT_ADD_NOTE("problemReportAddNote", "OK OK OK OK NF F", (t, c) -> t.note("problem_report_id", "ProblemReport",
                t.report(c, "IN_PROGRESS"))),
        SERVICE_TROUBLE_CREATE("serviceTroubleCreate", "F OK OK F F F", (t, c) -> t.titled("service_trouble",
                "severity: MAJOR, priority: HIGH, impact: MINOR, urgency: LOW")),
        SERVICE_TROUBLE_TRANSITION("serviceTroubleTransition", "F OK OK F F F", (t, c) -> t.versioned("service_trouble", "ServiceTrouble",
                t.serviceTrouble(), ", to: IN_PROGRESS")),
        SERVICE_TROUBLE_DIAGNOSE("serviceTroubleDiagnose", "F OK OK F F F", (t, c) -> t.versioned("service_trouble", "ServiceTrouble",
                t.serviceTrouble(), ", rootCause: \"Fibre cut\"")),
        SERVICE_TROUBLE_GROUP("serviceTroubleGroup", "F OK OK F F F", (t, c) -> t.versioned("service_trouble", "ServiceTrouble",
                t.serviceTrouble(), ", parentId: \"" + gid("ServiceTrouble", t.serviceTrouble()) + "\"")),
        SERVICE_TROUBLE_LINK("serviceTroubleLinkResourceTroubles", "F OK OK F F F", (t, c) -> {
            long trouble = t.serviceTrouble();
            return new Target("{id: \"" + gid("ServiceTrouble", trouble) + "\", resourceTroubleIds: [\""
                    + gid("ResourceTrouble", t.resourceTrouble()) + "\"]}",
                    "select count(*) from service_trouble_resource_trouble where service_trouble_id = ?", trouble);
        }),
        SERVICE_TROUBLE_UPDATE("serviceTroubleUpdate", "F OK OK F F F", (t, c) -> t.versioned("service_trouble", "ServiceTrouble",
                t.serviceTrouble(), ", priority: CRITICAL, categoryId: \"" + gid("TicketCategory", t.category()) + "\"")),
        SERVICE_TROUBLE_ADD_NOTE("serviceTroubleAddNote", "F OK OK F F F", (t, c) -> t.note("service_trouble_id", "ServiceTrouble",
                t.serviceTrouble())),
        RESOURCE_TROUBLE_CREATE("resourceTroubleCreate", "F OK OK F F F", (t, c) -> t.titled("resource_trouble",
                "resourceId: \"" + gid("Resource", t.resource()) + "\", severity: MAJOR, priority: HIGH, perceivedSeverity: MAJOR")),
        RESOURCE_TROUBLE_TRANSITION("resourceTroubleTransition", "F OK OK F F F", (t, c) -> t.versioned("resource_trouble", "ResourceTrouble",
                t.resourceTrouble(), ", to: IN_PROGRESS")),
        RESOURCE_TROUBLE_LOCALIZE("resourceTroubleLocalize", "F OK OK F F F", (t, c) -> t.versioned("resource_trouble", "ResourceTrouble",
                t.resourceTrouble(), ", localization: \"Slot 3\"")),
        RESOURCE_TROUBLE_UPDATE("resourceTroubleUpdate", "F OK OK F F F", (t, c) -> t.versioned("resource_trouble", "ResourceTrouble",
                t.resourceTrouble(), ", title: \"Card failed\"")),
        RESOURCE_TROUBLE_ADD_NOTE("resourceTroubleAddNote", "F OK OK F F F", (t, c) -> t.note("resource_trouble_id", "ResourceTrouble",
                t.resourceTrouble())),
        ALARM_RAISE("alarmRaise", "F OK F F F OK", (t, c) -> {
            String ext = unique();
            return new Target("{sourceSystem: \"perm\", externalAlarmId: \"" + ext + "\", resourceId: \"" + gid("Resource", t.resource())
                    + "\", alarmType: \"EQUIPMENT_ALARM\", perceivedSeverity: MINOR}",
                    "select count(*) from alarm where external_alarm_id = ?", ext);
        }),
        ALARM_UPDATE("alarmUpdate", "F OK F F F OK", (t, c) -> t.alarm(", probableCause: \"Fan failure\"")),
        ALARM_CLEAR("alarmClear", "F OK F F F OK", (t, c) -> t.alarm("")),
        ALARM_ACKNOWLEDGE("alarmAcknowledge", "F OK F F F OK", (t, c) -> {
            Target alarm = t.alarm("");
            return t.versioned("alarm", "Alarm", (Long) alarm.key(), ", ackState: ACKNOWLEDGED");
        }),
        CUSTOMER_UPSERT("customerUpsert", "F F OK F F OK", (t, c) -> {
            String ext = unique();
            return new Target("{externalId: \"" + ext + "\", accountNumber: \"" + ext + "\", name: \"Acme\", segment: CONSUMER, creditRating: 500}",
                    "select count(*) from customer where external_id = ?", ext);
        }),
        CONTACT_UPSERT("contactUpsert", "F F OK F F OK", (t, c) -> {
            String ext = unique();
            return new Target("{externalId: \"" + ext + "\", customerId: \"" + gid("Customer", c) + "\", name: \"Ann\", role: \"IT\"}",
                    "select count(*) from contact where external_id = ?", ext);
        }),
        SERVICE_UPSERT("serviceUpsert", "F F OK F F OK", (t, c) -> {
            String ext = unique();
            return new Target("{externalId: \"" + ext + "\", customerId: \"" + gid("Customer", c) + "\", name: \"Fibre\", category: \"FIBRE\"}",
                    "select count(*) from service where external_id = ?", ext);
        }),
        RESOURCE_UPSERT("resourceUpsert", "F F OK F F OK", (t, c) -> {
            String ext = unique();
            return new Target("{externalId: \"" + ext + "\", name: \"" + ext + "\", category: \"OLT\"}",
                    "select count(*) from resource where external_id = ?", ext);
        }),
        CUSTOMER_DEACTIVATE("customerDeactivate", "F F OK F F OK", (t, c) -> t.versioned("customer", "Customer", t.customer(), "")),
        CONTACT_DEACTIVATE("contactDeactivate", "F F OK F F OK", (t, c) -> t.versioned("contact", "Contact", t.contact(c), "")),
        SERVICE_RESOURCE_LINK("serviceResourceLink", "F F OK F F OK", (t, c) -> t.link(t.service(c), t.resource())),
        SERVICE_RESOURCE_UNLINK("serviceResourceUnlink", "F F OK F F OK", (t, c) -> {
            long service = t.service(c);
            long resource = t.resource();
            Sql.exec(t.ds, "insert into service_resource (service_id, resource_id) values (?, ?)", service, resource);
            return t.link(service, resource);
        }),
        TICKET_ASSIGN("ticketAssign", "OK OK OK F F F", (t, c) -> t.versioned("problem_report", "ProblemReport",
                t.report(c, "IN_PROGRESS"), ", workGroupId: \"" + gid("WorkGroup", t.workGroup()) + "\"")),
        TICKET_ESCALATE("ticketEscalate", "OK OK OK F F F", (t, c) -> t.versioned("service_trouble", "ServiceTrouble",
                t.serviceTrouble(), ", workGroupId: \"" + gid("WorkGroup", t.workGroup()) + "\", reason: \"Tier 2\"")),
        WORK_GROUP_CREATE("workGroupCreate", "F F OK F F F", (t, c) -> {
            String name = unique();
            return new Target("{name: \"" + name + "\"}", "select count(*) from work_group where name = ?", name);
        }),
        SLA_POLICY_UPDATE("slaPolicyUpdate", "F F OK F F F", (t, c) -> {
            Map<String, Object> policy = Sql.row(t.ds, "select id, version from sla_policy where segment = 'CONSUMER' and priority = 'LOW' and valid_to is null");
            return new Target("{id: \"" + gid("SlaPolicy", ((Number) policy.get("id")).longValue()) + "\", expectedVersion: " + policy.get("version")
                    + ", reason: \"Reviewed\"}", "select count(*) from sla_policy where segment = 'CONSUMER' and priority = ?", "LOW");
        }),
        SLA_POLICY_CREATE("slaPolicyCreate", "F F OK F F F", (t, c) -> {
            long category = t.category();
            return new Target("{segment: CONSUMER, priority: LOW, categoryId: \"" + gid("TicketCategory", category) + "\"}",
                    "select count(*) from sla_policy where ? = any(category_ids)", category);
        }),
        TICKET_CATEGORY_CREATE("ticketCategoryCreate", "F F OK F F OK", (t, c) -> {
            String code = "C_" + unique().replace("-", "_").toUpperCase();
            return new Target("{code: \"" + code + "\", name: \"Outage\"}", "select count(*) from ticket_category where code = ?", code);
        }),
        TICKET_CATEGORY_UPDATE("ticketCategoryUpdate", "F F OK F F OK", (t, c) -> t.versioned("ticket_category", "TicketCategory",
                t.category(), ", name: \"Renamed\"")),
        TICKET_CATEGORY_DEACTIVATE("ticketCategoryDeactivate", "F F OK F F OK", (t, c) -> t.versioned("ticket_category", "TicketCategory",
                t.category(), "")),
        EVENT_LISTENER_REGISTER("eventListenerRegister", "F F OK OK NF OK", (t, c) -> t.created("webhook_listener", c,
                "{callbackUrl: \"http://127.0.0.1:9/hook\", eventTypes: [PRODUCT_ORDER_STATE_CHANGE], customerId: \"" + gid("Customer", c) + "\"}")),
        EVENT_LISTENER_PAUSE("eventListenerPause", "F F OK OK NF OK", (t, c) -> t.versioned("webhook_listener", "EventListener",
                t.listener(c, "ACTIVE"), "")),
        EVENT_LISTENER_RESUME("eventListenerResume", "F F OK OK NF OK", (t, c) -> t.versioned("webhook_listener", "EventListener",
                t.listener(c, "PAUSED"), "")),
        EVENT_LISTENER_DELETE("eventListenerDelete", "F F OK OK NF OK", (t, c) -> {
            long listener = t.listener(c, "ACTIVE");
            return new Target("{id: \"" + gid("EventListener", listener) + "\", expectedVersion: 0}",
                    "select count(*) from webhook_listener where id = ?", listener);
        }),
        EVENT_LISTENER_REPLAY("eventListenerReplay", "F F OK F F F", (t, c) -> t.versioned("webhook_listener", "EventListener",
                t.listener(c, "ACTIVE"), "")),
        EMAIL_NOTIFICATION_REPLAY("emailNotificationReplay", "F F OK F F F", (t, c) -> {
            long mail = Sql.exec(t.ds, """
                    insert into email_notification (event_id, contact_id, kind, language, recipient, subject, body, status, attempts, failed_at)
                    values (0, ?, 'EMAIL_OUTAGE', 'en', 'ann@example.com', 'Outage', 'Body', 'FAILED', 10, now()) returning id""", t.contact(c));
            return new Target("{ids: [\"" + gid("EmailNotification", mail) + "\"]}", "select status from email_notification where id = ?", mail);
        });

        final String mutation;
        final List<String> outcomes;
        final Setup setup;

        Row(String mutation, String outcomes, Setup setup) {
            this.mutation = mutation;
            this.outcomes = List.of(outcomes.split(" "));
            this.setup = setup;
        }
    }

    @BeforeEach
    void customersOnce() {
        if (a == 0) {
            a = customer();
            b = customer();
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Row.values()).flatMap(r -> Arrays.stream(Who.values()).map(w -> Arguments.of(r, w)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void everyMutationFollowsTheMatrix(Row row, Who who) {
        String expected = row.outcomes.get(who.ordinal());
        Target target = row.setup.make(this, who == Who.OTHER ? b : a);
        String token = switch (who) {
            case AGENT -> Tokens.agent();
            case SRE -> Tokens.sre();
            case ADMIN -> Tokens.admin();
            case OWN, OTHER -> Tokens.customer(a);
            case INTEGRATION -> Tokens.integration();
        };
        Object before = probe(target);
        String mutation = "mutation { " + row.mutation + "(input: " + target.input() + ") { userErrors { code field message } } }";
        JsonPath json = GraphQLClient.post(token, mutation).statusCode(200).extract().jsonPath();
        assertNull(json.get("errors"), () -> mutation + " -> " + json.prettify());
        List<String> codes = json.getList("data." + row.mutation + ".userErrors.code");
        switch (expected) {
            case "OK" -> {
                assertEquals(List.of(), codes, json::prettify);
                assertNotEquals(before, probe(target), "the mutation changed nothing");
            }
            case "F" -> assertRefused("FORBIDDEN", codes, before, target, json);
            default -> assertRefused("NOT_FOUND", codes, before, target, json);
        }
    }

    private void assertRefused(String code, List<String> codes, Object before, Target target, JsonPath json) {
        assertEquals(List.of(code), codes, json::prettify);
        assertEquals(before, probe(target), "a refused mutation changed its object");
    }

    private Object probe(Target target) {
        return Sql.row(ds, target.probe(), target.key()).values().iterator().next();
    }

    private static String gid(String type, long key) {
        return GlobalId.encode(type, key);
    }

    private static String unique() {
        return "perm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An update of a row with {@code version = 0}; the version moves when it is applied. */
    private Target versioned(String table, String type, long key, String rest) {
        return new Target("{id: \"" + gid(type, key) + "\", expectedVersion: 0" + rest + "}",
                "select version from " + table + " where id = ?", key);
    }

    /** A create for a customer; its row count moves when it is applied. */
    private Target created(String table, long customer, String input) {
        return new Target(input, "select count(*) from " + table + " where customer_id = ?", customer);
    }

    /** A create of a trouble with a unique title (troubles belong to no customer). */
    private Target titled(String table, String rest) {
        String title = unique();
        return new Target("{title: \"" + title + "\", " + rest + "}", "select count(*) from " + table + " where title = ?", title);
    }

    private Target note(String column, String type, long ticket) {
        return new Target("{id: \"" + gid(type, ticket) + "\", visibility: PUBLIC, body: \"Any news?\"}",
                "select count(*) from ticket_note where " + column + " = ?", ticket);
    }

    private Target link(long service, long resource) {
        return new Target("{serviceId: \"" + gid("Service", service) + "\", resourceId: \"" + gid("Resource", resource) + "\"}",
                "select count(*) from service_resource where service_id = ?", service);
    }

    private long service(long customer) {
        return Sql.exec(ds, "insert into service (customer_id, name, category) values (?, 'Fibre', 'FIBRE') returning id", customer);
    }

    private long customer() {
        return Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Permission Ltd', 'ENTERPRISE', 700) returning id",
                unique());
    }

    private long contact(long customer) {
        return Sql.exec(ds, "insert into contact (customer_id, name, role) values (?, 'Ann', 'IT') returning id", customer);
    }

    private long order(long customer, String state) {
        return Sql.exec(ds, "insert into product_order (customer_id, state) values (?, ?) returning id", customer, state);
    }

    private long item(long order, long customer, String state) {
        return Sql.exec(ds, """
                insert into order_item (order_id, customer_id, item_number, product_name, quantity, unit_price, currency, state)
                values (?, ?, 1, 'Fibre', 1, 10.00, 'EUR', ?) returning id""", order, customer, state);
    }

    private long invoice(long customer, String state) {
        return Sql.exec(ds, """
                insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency, total_amount)
                values (?, ?, date '2025-01-31', date '2025-01-01', date '2025-01-31', date '2025-02-28', 'EUR', 100.00) returning id""",
                customer, state);
    }

    private long report(long customer, String status) {
        return Sql.exec(ds, "insert into problem_report (customer_id, title, severity, priority, channel, status) values (?, 'Slow', 'MINOR', 'LOW', 'PORTAL', ?) returning id",
                customer, status);
    }

    private long serviceTrouble() {
        return Sql.exec(ds, "insert into service_trouble (title, severity, priority, impact, urgency) values (?, 'MAJOR', 'HIGH', 'MINOR', 'LOW') returning id",
                unique());
    }

    /** A portal customer's own webhook listener. */
    private long listener(long customer, String state) {
        return Sql.exec(ds, """
                insert into webhook_listener (callback_url, event_types, customer_id, owner_customer_id, secret, state, created_by)
                values ('http://127.0.0.1:9/hook', '{ProductOrderStateChangeEvent}', ?, ?, 'secret', ?, 'test') returning id""",
                customer, customer, state);
    }

    private long workGroup() {
        return Sql.exec(ds, "insert into work_group (name) values (?) returning id", unique());
    }

    private long category() {
        return Sql.exec(ds, "insert into ticket_category (code, name) values (?, 'Outage') returning id",
                "C_" + unique().replace("-", "_").toUpperCase());
    }

    private long resource() {
        return Sql.exec(ds, "insert into resource (name, category) values (?, 'OLT') returning id", unique());
    }

    /** An active MINOR alarm named by source and external id; its version moves when a mutation is applied. */
    private Target alarm(String rest) {
        String ext = unique();
        long alarm = Sql.exec(ds, """
                insert into alarm (source_system, external_alarm_id, resource_id, alarm_type, perceived_severity, state, raised_time, last_seen)
                values ('perm', ?, ?, 'EQUIPMENT_ALARM', 'MINOR', 'RAISED', now(), now()) returning id""", ext, resource());
        return new Target("{sourceSystem: \"perm\", externalAlarmId: \"" + ext + "\"" + rest + "}", "select version from alarm where id = ?", alarm);
    }

    private long resourceTrouble() {
        return Sql.exec(ds, "insert into resource_trouble (title, resource_id, severity, priority, perceived_severity) values (?, ?, 'MAJOR', 'HIGH', 'MAJOR') returning id",
                unique(), resource());
    }
}
