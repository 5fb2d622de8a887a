package dev.supportgraph.ticket;

import dev.supportgraph.agent.AgentType;
import dev.supportgraph.agent.WorkGroupType;
import dev.supportgraph.category.TicketCategoryType;
import dev.supportgraph.events.EventType;
import dev.supportgraph.events.OutboxEvent;
import dev.supportgraph.graph.GlobalId;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One queue subscriber's queue, decided in memory on the states a ticket event carries (see
 * TicketQueueState): in the queue before the event, after it, both or neither. The conditions are
 * those of the ticket lists' filters (TicketQueueFilter, kinds, status); SLA states are judged at
 * the event's time (the state before, of a crossing by time, when it last held). A subscriber keeps it for its whole life, so it holds decoded keys only.
 */
public final class TicketQueueMatcher {

    /** The events that can move a ticket in, out of or within a queue. */
    public static final Set<String> TYPES = Stream.of(EventType.TICKET_STATUS_CHANGED, EventType.TICKET_ASSIGNMENT_CHANGED,
            EventType.TICKET_FIELDS_CHANGED, EventType.TICKET_SLA_CHANGED).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Set<String> kinds;
    private final Set<TicketStatus> statuses;
    private final Long assignee;
    /** The caller's agent when the queue is theirs ("mine"), looked up on first use (see resolveMine); else null. */
    private Supplier<OptionalLong> me;
    private Long mine;
    private final Boolean unassigned;
    private final Long workGroup;
    private final Set<Long> categories;
    private final List<TicketSlaState> sla;
    private final Duration atRiskBefore;

    public TicketQueueMatcher(TicketQueueFilter queue, List<TicketKind> kinds, List<TicketStatus> statuses, Supplier<OptionalLong> me,
                       Duration atRiskBefore) {
        this.kinds = kinds == null ? null : kinds.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
        this.statuses = statuses == null ? null : Set.copyOf(statuses);
        this.assignee = queue.assigneeId() == null ? null : GlobalId.decode(AgentType.TYPE, queue.assigneeId());
        this.me = Boolean.TRUE.equals(queue.mine()) ? me : null;
        this.unassigned = queue.unassigned();
        this.workGroup = queue.workGroupId() == null ? null : GlobalId.decode(WorkGroupType.TYPE, queue.workGroupId());
        this.categories = queue.categoryId() == null || queue.categoryId().isEmpty() ? null
                : queue.categoryId().stream().map(id -> GlobalId.decode(TicketCategoryType.TYPE, id)).collect(Collectors.toUnmodifiableSet());
        this.sla = queue.slaState() == null ? null : List.copyOf(queue.slaState());
        this.atRiskBefore = atRiskBefore;
    }

    /** What the event did to the ticket's place in this queue; null when it was and is outside it. */
    public TicketQueueChange change(OutboxEvent event) {
        if (!TYPES.contains(event.type()) || kinds != null && !kinds.contains(event.aggregate())) {
            return null;
        }
        States states = States.of(event);
        if (states.after() == null) {
            // An event written before queues existed: no state to judge.
            return null;
        }
        resolveMine();
        boolean before = holds(states.before(), states.atBefore());
        boolean after = holds(states.after(), states.at());
        return before && after ? TicketQueueChange.CHANGED : after ? TicketQueueChange.ENTERED
                : before ? TicketQueueChange.LEFT : null;
    }

    /**
     * The caller's agent id, found once, on the dispatcher's thread (the subscription is set up on
     * an event loop, where it must not be read); -1 when the caller is no agent (nothing is theirs).
     */
    private void resolveMine() {
        if (me != null) {
            mine = me.get().orElse(-1L);
            me = null;
        }
    }

    private boolean holds(TicketQueueState s, Instant now) {
        return s != null
                && (statuses == null || statuses.contains(s.status()))
                && (assignee == null || assignee.equals(s.assigneeId()))
                && (mine == null || mine.equals(s.assigneeId()))
                && (unassigned == null || unassigned == (s.assigneeId() == null))
                && (workGroup == null || workGroup.equals(s.workGroupId()))
                && (categories == null || categories.contains(s.categoryId()))
                && (sla == null || sla.stream().anyMatch(state -> state.holds(s, now, atRiskBefore)));
    }

    /**
     * An event's states, read from its payload once per event, not once per subscriber: the last
     * one read is kept (all subscribers of a fan-out are asked about one event in a row, on the
     * dispatcher's thread).
     */
    private record States(OutboxEvent event, TicketQueueState before, TicketQueueState after, Instant atBefore, Instant at) {

        private static volatile States last;

        static States of(OutboxEvent event) {
            States states = last;
            if (states == null || states.event() != event) {
                JsonObject p = event.payload();
                Instant at = OffsetDateTime.parse(p.getString("at")).toInstant();
                // A crossing by time (the SLA job) judges the unchanged state before at the last instant it held.
                String atBefore = p.getString("atBefore");
                states = new States(event, state(p.getJsonObject("queueBefore")), state(p.getJsonObject("queue")),
                        atBefore == null ? at : OffsetDateTime.parse(atBefore).toInstant(), at);
                last = states;
            }
            return states;
        }

        private static TicketQueueState state(JsonObject json) {
            return json == null ? null : TicketQueueState.from(json.getMap());
        }
    }
}
