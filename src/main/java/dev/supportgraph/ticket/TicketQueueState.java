package dev.supportgraph.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a work queue decides a ticket's membership on, as every ticket event carries it: under
 * {@code "queue"} the state after the change and under {@code "queueBefore"} the state before (absent
 * on creation). With both in the event, a queue subscriber decides "entered, left or changed" in
 * memory, with no read per event or subscriber (see docs/agent-work.md). The SLA part is the
 * stored resolution clock, as the queue filters read it.
 */
public record TicketQueueState(TicketStatus status, Long workGroupId, Long assigneeId, Long categoryId,
                               ResolutionClock clock, OffsetDateTime dueAt, boolean breached) {

    /** Due times in UTC, so that equal states are equal records whatever offset they were read with. */
    public TicketQueueState {
        dueAt = dueAt == null ? null : dueAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static TicketQueueState of(TicketEntity ticket) {
        return new TicketQueueState(ticket.status, ticket.workGroupId, ticket.assigneeId, ticket.categoryId,
                ticket.resolutionClock, ticket.resolutionDueAt, ticket.resolutionBreached);
    }

    /** The columns {@link #of(TicketStatus, Object[], int)} reads, of a ticket table aliased {@code alias}. */
    public static String columns(String alias) {
        return String.join(", ", Stream.of("work_group_id", "assignee_id", "category_id", "resolution_clock", "resolution_due_at",
                "resolution_breached").map(c -> alias + "." + c).toList());
    }

    /** A ticket in {@code status} as a native row holds it, {@link #columns} from {@code at} on. */
    public static TicketQueueState of(TicketStatus status, Object[] row, int at) {
        return new TicketQueueState(status, key(row[at]), key(row[at + 1]), key(row[at + 2]),
                row[at + 3] == null ? null : ResolutionClock.valueOf((String) row[at + 3]), time(row[at + 4]),
                Boolean.TRUE.equals(row[at + 5]));
    }

    public TicketQueueState withStatus(TicketStatus to) {
        return new TicketQueueState(to, workGroupId, assigneeId, categoryId, clock, dueAt, breached);
    }

    public TicketQueueState withRouting(Long group, Long assignee) {
        return new TicketQueueState(status, group, assignee, categoryId, clock, dueAt, breached);
    }

    public TicketQueueState withCategory(Long category) {
        return new TicketQueueState(status, workGroupId, assigneeId, category, clock, dueAt, breached);
    }

    public TicketQueueState withClock(ResolutionClock to, OffsetDateTime due, boolean missed) {
        return new TicketQueueState(status, workGroupId, assigneeId, categoryId, to, due, missed);
    }

    /** The payload entries of a change from {@code before} (null: the ticket was created) to {@code after}. */
    public static Map<String, Object> payload(TicketQueueState before, TicketQueueState after) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("queue", after.json());
        if (before != null) {
            payload.put("queueBefore", before.json());
        }
        return payload;
    }

    /** As an event payload holds it (database keys; absent values left out). */
    Map<String, Object> json() {
        Map<String, Object> json = new HashMap<>();
        json.put("status", status.name());
        json.put("workGroupId", workGroupId);
        json.put("assigneeId", assigneeId);
        json.put("categoryId", categoryId);
        json.put("clock", clock == null ? null : clock.name());
        json.put("dueAt", dueAt == null ? null : dueAt.toString());
        json.put("breached", breached);
        json.values().removeIf(Objects::isNull);
        return json;
    }

    /**
     * {@link #json()} as an SQL expression (jsonb) of a ticket row aliased {@code alias} whose status is
     * {@code status}, for statements that write the event themselves (PlannedTransitions): the same
     * keys, absent values left out, the due time as {@code OffsetDateTime.toString()} writes it in UTC
     * (seconds and fraction only when not zero, the fraction in 3 or 6 digits).
     */
    static String jsonSql(String status, String alias) {
        String due = alias + ".resolution_due_at at time zone 'UTC'";
        String dueAt = "to_char(" + due + ", 'YYYY-MM-DD\"T\"HH24:MI') || case"
                + " when date_trunc('minute', " + due + ") = " + due + " then ''"
                + " when date_trunc('second', " + due + ") = " + due + " then to_char(" + due + ", ':SS')"
                + " when extract(microseconds from " + due + ")::bigint % 1000 = 0 then to_char(" + due + ", ':SS.MS')"
                + " else to_char(" + due + ", ':SS.US') end || 'Z'";
        return "jsonb_strip_nulls(jsonb_build_object('status', " + status + ", 'workGroupId', " + alias + ".work_group_id, 'assigneeId', "
                + alias + ".assignee_id, 'categoryId', " + alias + ".category_id, 'clock', " + alias + ".resolution_clock, 'dueAt', "
                + dueAt + ", 'breached', " + alias + ".resolution_breached))";
    }

    /** Read back from an event payload's entry; null when there is none (creation, or an event written before queues). */
    public static TicketQueueState from(Map<String, Object> json) {
        if (json == null || json.get("status") == null) {
            return null;
        }
        Object clock = json.get("clock");
        Object due = json.get("dueAt");
        return new TicketQueueState(TicketStatus.valueOf((String) json.get("status")), key(json.get("workGroupId")),
                key(json.get("assigneeId")), key(json.get("categoryId")), clock == null ? null : ResolutionClock.valueOf((String) clock),
                due == null ? null : OffsetDateTime.parse((String) due), Boolean.TRUE.equals(json.get("breached")));
    }

    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Unexpected timestamp " + value.getClass());
        };
    }

    private static Long key(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
