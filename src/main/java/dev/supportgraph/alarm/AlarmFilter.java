package dev.supportgraph.alarm;

import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("AlarmFilter")
@Description("Narrows the alarms list; all given conditions must hold.")
public record AlarmFilter(
        List<AlarmState> state,
        List<PerceivedSeverity> perceivedSeverity,
        List<AckState> ackState,
        @Description("Any of these source systems.") List<String> sourceSystem,
        @Description("Any of these ids of the source system.") List<String> externalAlarmId) {
}
