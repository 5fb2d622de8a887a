package dev.supportgraph.notification;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("EmailNotificationReplayPayload")
@Description("The result of emailNotificationReplay.")
public record EmailNotificationReplayPayload(
        @Description("The notifications put back to PENDING (FAILED ones only, each once); null when userErrors is not empty.")
        List<@NonNull EmailNotificationType> replayed,
        @NonNull @Description("Why nothing changed; empty on success.") List<@NonNull UserError> userErrors) {

    static EmailNotificationReplayPayload failed(List<UserError> errors) {
        return new EmailNotificationReplayPayload(null, errors);
    }
}
