package dev.supportgraph.alarm;

import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** Inputs of the alarm mutations; the NDJSON lines of {@code POST /alarms} carry the same fields. */
public final class AlarmInputs {

    private AlarmInputs() {
    }

    /** What names an alarm from the network: its source system and the id there. */
    interface Keyed {
        String sourceSystem();

        String externalAlarmId();
    }

    @Input("AlarmRaiseInput")
    @Description("An alarm raised by the network. Raising an alarm the source raised before updates it (count, lastSeen, severity).")
    public record Raise(
            @Description("The reporting system, e.g. an element manager.") @NonNull String sourceSystem,
            @Description("The alarm's id in the source system.") @NonNull String externalAlarmId,
            @Description("Global id of the alarmed resource (or give resourceExternalId).") @Id String resourceId,
            @Description("The alarmed resource's externalId.") String resourceExternalId,
            @Description("TMF642 alarmType, e.g. COMMUNICATIONS_ALARM.") @NonNull String alarmType,
            @Description("Any severity but CLEARED (clear with alarmClear).") @NonNull PerceivedSeverity perceivedSeverity,
            @Description("What probably caused it (TMF642 probableCause), e.g. LOSS_OF_SIGNAL.") String probableCause,
            @Description("The source's own description of the problem.") String specificProblem,
            @Description("When the source raised it; now when omitted.") OffsetDateTime raisedTime) implements Keyed {
    }

    @Input("AlarmUpdateInput")
    @Description("Changes of an active alarm reported by its source; omitted fields stay.")
    public record Update(
            @Description("The reporting system, e.g. an element manager.") @NonNull String sourceSystem,
            @Description("The alarm's id in the source system.") @NonNull String externalAlarmId,
            @Description("The alarm's version as last read, when a person updates it.") Integer expectedVersion,
            @Description("Any severity but CLEARED.") PerceivedSeverity perceivedSeverity,
            @Description("TMF642 alarmType.") String alarmType,
            @Description("What probably caused it.") String probableCause,
            @Description("The source's own description of the problem.") String specificProblem) implements Keyed {
    }

    @Input("AlarmClearInput")
    @Description("The source reports that the alarm's condition has cleared.")
    public record Clear(
            @Description("The reporting system, e.g. an element manager.") @NonNull String sourceSystem,
            @Description("The alarm's id in the source system.") @NonNull String externalAlarmId,
            @Description("When it cleared; now when omitted.") OffsetDateTime clearedTime) implements Keyed {
    }

    @Input("AlarmAcknowledgeInput")
    @Description("A person takes note of an alarm, or takes that back.")
    public record Acknowledge(
            @NonNull @Id String id,
            @Description("The alarm's version as last read.") int expectedVersion,
            @Description("ACKNOWLEDGED, or UNACKNOWLEDGED to take it back.") @NonNull AckState ackState) {
    }
}
