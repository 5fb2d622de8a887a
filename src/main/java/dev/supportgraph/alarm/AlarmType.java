package dev.supportgraph.alarm;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Alarm")
@Description("An alarm from the network (TMF642 Alarm), keyed by its source system's alarm id. Staff and systems of record only.")
public record AlarmType(
        @Ignore long key,
        @Ignore long resourceKey,
        @Ignore Long resourceTroubleKey,
        @Description("The system that reported it, e.g. an element manager.") @NonNull String sourceSystem,
        @Description("The alarm's id in its source system (unique per source system).") @NonNull String externalAlarmId,
        @Description("TMF642 alarmType, e.g. COMMUNICATIONS_ALARM or EQUIPMENT_ALARM.") @NonNull String alarmType,
        @Description("The severity last reported; CLEARED once cleared.") @NonNull PerceivedSeverity perceivedSeverity,
        @Description("What probably caused it, as reported; null when unknown.") String probableCause,
        @Description("The source's own description of the problem; null when not given.") String specificProblem,
        @NonNull AlarmState state,
        @Description("Whether a person has taken note of it.") @NonNull AckState ackState,
        @Description("Who acknowledged it; null when unacknowledged.") String acknowledgedBy,
        @Description("When it was acknowledged; null when unacknowledged.") OffsetDateTime acknowledgedAt,
        @Description("When it was (last) raised.") @NonNull OffsetDateTime raisedTime,
        @Description("When its source last reported it.") @NonNull OffsetDateTime lastSeen,
        @Description("How often its source reported it (raises and repeats).") int count,
        @Description("When it cleared; null while active.") OffsetDateTime clearedTime,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        int version) implements Node {

    public static final String TYPE = "Alarm";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static AlarmType of(Alarm a) {
        return new AlarmType(a.id, a.resourceId, a.resourceTroubleId, a.sourceSystem, a.externalAlarmId, a.alarmType,
                a.perceivedSeverity, a.probableCause, a.specificProblem, a.state, a.ackState, a.acknowledgedBy,
                a.acknowledgedAt, a.raisedTime, a.lastSeen, a.count, a.clearedTime, a.createdAt, a.updatedAt, (int) a.version);
    }
}
