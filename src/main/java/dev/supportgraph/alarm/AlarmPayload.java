package dev.supportgraph.alarm;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("AlarmPayload")
public record AlarmPayload(AlarmType alarm, @NonNull List<@NonNull UserError> userErrors) {

    static AlarmPayload ok(AlarmType alarm) {
        return new AlarmPayload(alarm, List.of());
    }

    static AlarmPayload failed(List<UserError> errors) {
        return new AlarmPayload(null, errors);
    }
}
