package dev.supportgraph.alarm;

import dev.supportgraph.graph.Mutations;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** TMF642 alarm mutations for SRE and systems of record; thin: AlarmLifecycle does the work. */
@GraphQLApi
@Authenticated
public class AlarmMutations {

    @Inject
    AlarmLifecycle alarms;

    @Mutation
    @Description("Raises an alarm, or repeats one raised before (count + 1, lastSeen, severity); at or above the configured severity it opens or joins a resource trouble.")
    public @NonNull AlarmPayload alarmRaise(@NonNull AlarmInputs.Raise input) {
        return Mutations.run(() -> AlarmPayload.ok(alarms.raise(input)), AlarmPayload::failed);
    }

    @Mutation
    @Description("Updates an active alarm (severity, type, cause, problem).")
    public @NonNull AlarmPayload alarmUpdate(@NonNull AlarmInputs.Update input) {
        return Mutations.run(() -> AlarmPayload.ok(alarms.update(input)), AlarmPayload::failed);
    }

    @Mutation
    @Description("Clears an alarm; the last active alarm of a trouble to clear resolves the trouble.")
    public @NonNull AlarmPayload alarmClear(@NonNull AlarmInputs.Clear input) {
        return Mutations.run(() -> AlarmPayload.ok(alarms.clear(input)), AlarmPayload::failed);
    }

    @Mutation
    @Description("Acknowledges an alarm (or takes that back).")
    public @NonNull AlarmPayload alarmAcknowledge(@NonNull AlarmInputs.Acknowledge input) {
        return Mutations.run(() -> AlarmPayload.ok(alarms.acknowledge(input)), AlarmPayload::failed);
    }
}
