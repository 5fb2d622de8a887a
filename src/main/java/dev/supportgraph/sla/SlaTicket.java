package dev.supportgraph.sla;

import dev.supportgraph.ticket.TicketStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A problem report as its SLA clock needs it: policy, status history, and the clock events already fired. */
record SlaTicket(long reportId, long customerId, String number, Long relatedServiceId, SlaPolicyType policy,
                 List<SlaTimeline.Change> history, Set<SlaEventKind> fired) {

    /**
     * The select list every clock query uses (problem_report p, sla_policy sp), history as JSON
     * [[status, time], ...] in order, fired kinds comma-separated.
     */
    static final String COLUMNS = """
            p.id, p.customer_id, p.number, p.related_service_id, p.status, p.created_at,
            sp.id, sp.segment, sp.priority, sp.response_minutes, sp.resolution_minutes, sp.credit_percent, sp.credit_amount, sp.currency,
            (select json_agg(json_build_array(sc.to_status, sc.changed_at) order by sc.id)::text
               from status_change sc where sc.problem_report_id = p.id),
            (select string_agg(e.kind, ',') from sla_event e where e.problem_report_id = p.id)""";

    static final String FROM = """
            problem_report p join customer c on c.id = p.customer_id
            join sla_policy sp on sp.segment = c.segment and sp.priority = p.priority""";

    static SlaTicket of(Object[] row) {
        List<SlaTimeline.Change> history = row[14] == null
                // A report without recorded history (e.g. loaded by SQL) has been in its status since creation.
                ? List.of(new SlaTimeline.Change(TicketStatus.valueOf((String) row[4]), instant(row[5])))
                : parse((String) row[14]);
        Set<SlaEventKind> fired = row[15] == null ? Set.of()
                : Arrays.stream(((String) row[15]).split(",")).map(SlaEventKind::valueOf).collect(Collectors.toSet());
        return new SlaTicket(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                row[3] == null ? null : ((Number) row[3]).longValue(), SlaPolicyType.of(row, 6), history, fired);
    }

    /** A timestamptz column of a native query (Hibernate returns it as an Instant). */
    static java.time.Instant instant(Object column) {
        return column instanceof OffsetDateTime time ? time.toInstant() : (java.time.Instant) column;
    }

    private static List<SlaTimeline.Change> parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream().map(JsonArray.class::cast)
                    .map(a -> new SlaTimeline.Change(TicketStatus.valueOf(a.getString(0)),
                            OffsetDateTime.parse(a.getString(1)).toInstant()))
                    .toList();
        }
    }

    SlaTimeline.Reading read(java.time.Duration warning, java.time.Instant now) {
        return SlaTimeline.read(history, policy.responseTarget(), policy.resolutionTarget(), warning, now);
    }
}
