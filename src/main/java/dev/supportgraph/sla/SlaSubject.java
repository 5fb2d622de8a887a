package dev.supportgraph.sla;

/**
 * The ticket types with an SLA clock, as the SQL that finds their policy. A problem report takes
 * its customer's segment; a service trouble, spanning customers, the most demanding segment among
 * the owners of its affected services (no affected services, no clock), a resource trouble the same
 * among the owners of the services on its resource that are not terminated (none, no clock); of that policy, the
 * version in force when the ticket was created. Only problem reports
 * fire events and earn credits: a credit needs one customer.
 * <p>
 * A problem report's fired events are {@code fired} (their kinds, and whether the resolution
 * breached), an aggregate per report: the evaluator's filter on it then probes sla_event's index
 * report by report whatever the statistics say. As an anti-join, statistics taken while
 * sla_event was still small made PostgreSQL rescan all of it for every report.
 */
enum SlaSubject {
    PROBLEM_REPORT("problem_report", "p.customer_id, p.related_service_id", "problem_report_id", "fired.kinds", """
            problem_report p join customer c on c.id = p.customer_id
            join lateral (%s) sp on true
            cross join lateral (select string_agg(e.kind, ',') as kinds, bool_or(e.kind = 'RESOLUTION_BREACHED') as resolution_breached
                                from sla_event e where e.problem_report_id = p.id) fired""".formatted(policyOf("c.segment"))),
    SERVICE_TROUBLE("service_trouble", "null::bigint, null::bigint", "service_trouble_id", "null::text",
            ownedBy("service_trouble", "service_trouble_service sts join service s on s.id = sts.service_id", "sts.service_trouble_id = p.id")),
    RESOURCE_TROUBLE("resource_trouble", "null::bigint, null::bigint", "resource_trouble_id", "null::text",
            ownedBy("resource_trouble", "service_resource sr join service s on s.id = sr.service_id", "sr.resource_id = p.resource_id and s.state <> 'TERMINATED'"));

    /**
     * A trouble {@code p} in {@code table}, spanning customers: the policy of the most demanding segment
     * among the customers of its {@code services} (joined as s, matched by {@code match}); none without services.
     */
    private static String ownedBy(String table, String services, String match) {
        return """
                %s p
                join lateral (select c.segment from %s join customer c on c.id = s.customer_id where %s
                              order by array_position(array['WHOLESALE', 'ENTERPRISE', 'SMALL_BUSINESS', 'CONSUMER'], c.segment)
                              limit 1) owner on true
                join lateral (%s) sp on true""".formatted(table, services, match, policyOf("owner.segment"));
    }

    /**
     * The policy of ticket {@code p} in {@code segment}: of the versions in force when it was created,
     * the one whose categories hold its category, else the default (naming none).
     */
    private static String policyOf(String segment) {
        return "select sp.* from sla_policy sp where sp.segment = " + segment + " and sp.priority = p.priority"
                + " and sp.valid_from <= p.created_at and (sp.valid_to is null or p.created_at < sp.valid_to)"
                + " and (sp.category_ids is null or p.category_id = any(sp.category_ids)) order by sp.category_ids is null limit 1";
    }

    /** The ticket table, aliased {@code p} in {@link #from}. */
    final String table;
    private final String ownerColumns;
    private final String historyColumn;
    private final String firedColumn;
    final String from;

    SlaSubject(String table, String ownerColumns, String historyColumn, String firedColumn, String from) {
        this.table = table;
        this.ownerColumns = ownerColumns;
        this.historyColumn = historyColumn;
        this.firedColumn = firedColumn;
        this.from = from;
    }

    /**
     * The select list {@link SlaTicket#of} reads: history as JSON [[status, time], ...] in order, fired kinds
     * comma-separated, the time of the first PUBLIC note by staff.
     */
    String columns() {
        return "p.id, " + ownerColumns + ", p.number, p.status, p.created_at, " + SlaPolicyType.COLUMNS
                + ", (select json_agg(json_build_array(sc.to_status, sc.changed_at) order by sc.id)::text from status_change sc"
                + " where sc." + historyColumn + " = p.id), " + firedColumn
                + ", (select min(n.created_at) from ticket_note n where n." + historyColumn + " = p.id and n.visibility = 'PUBLIC' and n.by_staff)";
    }
}
