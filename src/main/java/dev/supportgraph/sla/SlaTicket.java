package dev.supportgraph.sla;

import dev.supportgraph.ticket.TicketStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ticket as its SLA clock needs it: policy, status history, its first PUBLIC staff note, and the clock events already fired;
 * customer and related service for problem reports (null for service troubles).
 */
record SlaTicket(long id, Long customerId, String number, Long relatedServiceId, SlaPolicyType policy,
                 List<SlaTimeline.Change> history, Instant publicStaffNote, Set<SlaEventKind> fired) {

    /** Where {@link SlaSubject#columns()} puts the policy, the history and the fired kinds. */
    private static final int POLICY = 6;
    private static final int HISTORY = POLICY + SlaPolicyType.COLUMN_COUNT;
    private static final int FIRED = HISTORY + 1;
    private static final int PUBLIC_STAFF_NOTE = FIRED + 1;

    static SlaTicket of(Object[] row) {
        List<SlaTimeline.Change> history = row[HISTORY] == null
                // A report without recorded history (e.g. loaded by SQL) has been in its status since creation.
                ? List.of(new SlaTimeline.Change(TicketStatus.valueOf((String) row[4]), instant(row[5])))
                : parse((String) row[HISTORY]);
        Set<SlaEventKind> fired = row[FIRED] == null ? Set.of()
                : Arrays.stream(((String) row[FIRED]).split(",")).map(SlaEventKind::valueOf).collect(Collectors.toSet());
        return new SlaTicket(((Number) row[0]).longValue(), key(row[1]), (String) row[3], key(row[2]),
                SlaPolicyType.of(row, POLICY), history, row[PUBLIC_STAFF_NOTE] == null ? null : instant(row[PUBLIC_STAFF_NOTE]), fired);
    }

    private static Long key(Object column) {
        return column == null ? null : ((Number) column).longValue();
    }

    /** A timestamptz column of a native query (Hibernate returns it as an Instant). */
    static Instant instant(Object column) {
        return column instanceof OffsetDateTime time ? time.toInstant() : (Instant) column;
    }

    private static List<SlaTimeline.Change> parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream().map(JsonArray.class::cast)
                    .map(a -> new SlaTimeline.Change(TicketStatus.valueOf(a.getString(0)),
                            OffsetDateTime.parse(a.getString(1)).toInstant()))
                    .toList();
        }
    }

    SlaTimeline.Reading read(Duration warning, Instant now) {
        return SlaTimeline.read(history, publicStaffNote, policy.responseTarget(), policy.resolutionTarget(), policy.pauses(), policy.workingTime(),
                warning, now);
    }
}
